import { Button } from '@vaadin/react-components/Button.js';
import { PasswordField } from '@vaadin/react-components/PasswordField.js';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { fieldError, FormErrors } from '../../../components/FormErrors';
import { StudentCredentialsResetDocument } from '../../../gql/graphql';
import { t } from '../../../i18n';
import { useGqlMutation } from '../../../lib/data';
import { fieldErrors, generalErrors, requestFailure, type ServerError } from '../../../lib/errors';
import type { Member } from './types';

/** B17: the admin sets a password they choose (the manual allows it), or generates one after confirming. */
export function StudentCredentials({ schoolId, member }: { schoolId: string; member: Member }) {
  const reset = useGqlMutation(StudentCredentialsResetDocument);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<readonly ServerError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [generated, setGenerated] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const fields = fieldErrors(errors);

  async function send(generate: boolean) {
    setConfirming(false);
    setFailure(null);
    setMessage(null);
    try {
      const input = generate
        ? { schoolId, studentId: member.id, generatePassword: true }
        : { schoolId, studentId: member.id, password };
      const result = (await reset.run({ input })).studentCredentialsReset;
      setErrors(result.errors);
      if (result.errors.length) return;
      if (generate) setGenerated(result.credentials?.password ?? null);
      else {
        setPassword('');
        setMessage(t('profile.passwordSet'));
      }
    } catch (e) {
      setFailure(requestFailure(e));
    }
  }

  return (
    <section aria-labelledby="credentials-title" className="kp-form">
      <h2 id="credentials-title">{t('profile.credentials')}</h2>
      <PasswordField
        label={t('profile.newPassword')}
        helperText={t('profile.newPasswordHelp')}
        value={password}
        {...fieldError(fields.password)}
        onValueChanged={(e) => {
          setPassword(e.detail.value);
          setErrors((es) => es.filter((er) => er.field !== 'password'));
        }}
      />
      <FormErrors errors={generalErrors(errors, ['password'])} messages={failure ? [failure] : []} />
      {message && <p role="status">{message}</p>}
      {generated && (
        <p role="status">
          {t('profile.generatedPassword')}: <strong data-testid="new-password">{generated}</strong>
        </p>
      )}
      <div className="kp-buttons">
        <Button
          theme="primary"
          disabled={reset.busy}
          onClick={() => (password ? void send(false) : setErrors([{ code: 'REQUIRED', message: t('validation.passwordRequired'), field: 'password' }]))}
        >
          {t('profile.setPassword')}
        </Button>
        <Button disabled={reset.busy} onClick={() => setConfirming(true)}>
          {t('profile.resetPassword')}
        </Button>
      </div>
      <ConfirmDialog
        opened={confirming}
        title={t('profile.confirmReset.title')}
        confirmText={t('profile.confirmReset.confirm')}
        busy={reset.busy}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void send(true)}
      >
        {t('profile.confirmReset.text', { name: member.user.displayName })}
      </ConfirmDialog>
    </section>
  );
}
