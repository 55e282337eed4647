import { Button } from '@vaadin/react-components/Button.js';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { FormErrors } from '../../../components/FormErrors';
import { UsersArchiveDocument } from '../../../gql/graphql';
import { t } from '../../../i18n';
import { useGqlMutation } from '../../../lib/data';
import { useSubmit } from '../../../lib/submit';
import type { Member } from './types';

/** B8 for one user, from the profile: archive after confirming. Never offered on one's own profile. */
export function ArchiveSection({ schoolId, member, onArchived }: { schoolId: string; member: Member; onArchived: (message: string) => void }) {
  const archive = useGqlMutation(UsersArchiveDocument);
  const [confirming, setConfirming] = useState(false);
  const { errors, submit } = useSubmit();

  async function send() {
    setConfirming(false);
    if (await submit(async () => (await archive.run({ input: { schoolId, userIds: [member.id] } })).usersArchive.errors)) {
      onArchived(t('profile.archived'));
    }
  }

  return (
    <section aria-labelledby="archive-title" className="kp-form">
      <h2 id="archive-title">{t('profile.archiveTitle')}</h2>
      <p>{t('profile.archiveHelp')}</p>
      <FormErrors messages={errors} />
      <div className="kp-buttons">
        <Button theme="error" disabled={archive.busy} onClick={() => setConfirming(true)}>
          {t('profile.archive')}
        </Button>
      </div>
      <ConfirmDialog
        opened={confirming}
        title={t('profile.confirmArchive.title')}
        confirmText={t('profile.archive')}
        danger
        busy={archive.busy}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void send()}
      >
        {t('profile.confirmArchive.text', { name: member.user.displayName })}
      </ConfirmDialog>
    </section>
  );
}
