import { Button } from '@vaadin/react-components/Button.js';
import { useState } from 'react';
import { FormErrors } from '../../../components/FormErrors';
import { ProfessionalActivationResendDocument } from '../../../gql/graphql';
import { t } from '../../../i18n';
import { useGqlMutation } from '../../../lib/data';
import { useSubmit } from '../../../lib/submit';
import type { Member } from './types';

/**
 * B4 for an admin: a professional who has not chosen a password yet (or not answered the school's mail) gets the mail
 * again with a new link; the earlier links stop working.
 */
export function ActivationSection({ schoolId, member, email }: { schoolId: string; member: Member; email: string }) {
  const resend = useGqlMutation(ProfessionalActivationResendDocument);
  const [sent, setSent] = useState(false);
  const { errors, submit } = useSubmit();

  async function send() {
    setSent(false);
    if (await submit(async () => (await resend.run({ input: { schoolId, userId: member.id } })).professionalActivationResend.errors)) {
      setSent(true);
    }
  }

  return (
    <section aria-labelledby="activation-title" className="kp-form">
      <h2 id="activation-title">{t('profile.activationTitle')}</h2>
      <p>{t('profile.activationHelp', { name: member.user.displayName, email })}</p>
      <FormErrors messages={errors} />
      {sent && <p role="status">{t('profile.activationResent', { email })}</p>}
      <div className="kp-buttons">
        <Button theme="primary" disabled={resend.busy} onClick={() => void send()}>
          {resend.busy ? t('account.busy') : t('profile.activationResend')}
        </Button>
      </div>
    </section>
  );
}
