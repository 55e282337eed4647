import { TextField } from '@vaadin/react-components/TextField.js';
import { fieldError } from '../../../components/FormErrors';
import { t } from '../../../i18n';
import type { StepProps } from './details';

/** Step 2B: everything entered, by name, and for a student the suggested username and password, editable. */
export function Review({ kind, details, errors, products, supervisors, set }: StepProps) {
  const none = t('common.none');
  const productNames = products.filter((p) => details.productIds.includes(p.id)).map((p) => p.name).join(', ') || none;
  return (
    <>
      <dl className="kp-summary">
        <dt>{t('admin.col.name')}</dt>
        <dd>{[details.firstName, details.namePrefix, details.lastName].filter(Boolean).join(' ')}</dd>
        {kind === 'PROFESSIONAL' ? (
          <>
            <dt>{t('profile.email')}</dt>
            <dd>{details.email}</dd>
            {details.function && (
              <>
                <dt>{t('profile.function')}</dt>
                <dd>{details.function}</dd>
              </>
            )}
            <dt>{t('admin.roles')}</dt>
            <dd>{details.roles.map((r) => t(`role.${r}`)).join(', ')}</dd>
            {details.roles.includes('SUPERVISOR') && (
              <>
                <dt>{t('admin.col.products')}</dt>
                <dd>{productNames}</dd>
              </>
            )}
          </>
        ) : (
          <>
            <dt>{t('admin.col.gradeYear')}</dt>
            <dd>{details.gradeYear}</dd>
            <dt>{t('profile.group')}</dt>
            <dd>{details.group || none}</dd>
            <dt>{t('admin.col.products')}</dt>
            <dd>{productNames}</dd>
            <dt>{t('admin.supervisors')}</dt>
            <dd>{supervisors.filter((s) => details.supervisorIds.includes(s.id)).map((s) => s.displayName).join(', ')}</dd>
          </>
        )}
      </dl>
      {kind === 'STUDENT' && (
        <>
          <p>{t('create.credentialsHint')}</p>
          <TextField label={t('admin.col.username')} required value={details.username} {...fieldError(errors.username)} onValueChanged={(e) => set('username', e.detail.value)} />
          <TextField label={t('profile.password')} required value={details.password} {...fieldError(errors.password)} onValueChanged={(e) => set('password', e.detail.value)} />
        </>
      )}
    </>
  );
}
