import { Button } from '@vaadin/react-components/Button.js';
import { Link } from 'react-router';
import { t } from '../../../i18n';

/** Step 3: the login details, shown once (a student's password is not shown again), and where to go next. */
export function Created({
  created,
  onAnother,
}: {
  created: { username: string; password?: string | null; activation: boolean };
  onAnother: () => void;
}) {
  return (
    <div className="kp-form" role="status">
      <h2>{t('create.done')}</h2>
      <dl className="kp-summary">
        <dt>{t('admin.col.username')}</dt>
        <dd data-testid="created-username">{created.username}</dd>
        {created.password && (
          <>
            <dt>{t('profile.password')}</dt>
            <dd data-testid="created-password">{created.password}</dd>
          </>
        )}
      </dl>
      <p>{created.activation ? t('create.activationPending') : t('create.passOn')}</p>
      <div className="kp-buttons">
        <Button onClick={onAnother}>{t('create.another')}</Button>
        <Link to="/beheer">{t('create.toOverview')}</Link>
      </div>
    </div>
  );
}
