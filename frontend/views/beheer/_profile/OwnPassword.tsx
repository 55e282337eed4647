import { Button } from '@vaadin/react-components/Button.js';
import { PasswordField } from '@vaadin/react-components/PasswordField.js';
import { useState } from 'react';
import { fieldError, FormErrors } from '../../../components/FormErrors';
import { PasswordChangeDocument } from '../../../gql/graphql';
import { t } from '../../../i18n';
import { useGqlMutation } from '../../../lib/data';
import { generalErrors, requestFailure, type ServerError } from '../../../lib/errors';
import { passwordErrorText } from '../../../lib/password';

/** B17: a professional changes their own password in their profile, typing the current one. */
export function OwnPassword() {
  const change = useGqlMutation(PasswordChangeDocument);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<readonly ServerError[]>([]);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const byField = (field: string) => local[field] ?? errors.filter((e) => e.field === field).map(passwordErrorText)[0];

  async function send() {
    setMessage(null);
    setFailure(null);
    const problems: Record<string, string> = {};
    if (!current) problems.currentPassword = t('validation.passwordRequired');
    if (!next) problems.newPassword = t('validation.passwordRequired');
    else if (repeat !== next) problems.repeat = t('account.set.mismatch');
    setLocal(problems);
    setErrors([]);
    if (Object.keys(problems).length) return;
    try {
      const result = (await change.run({ input: { currentPassword: current, newPassword: next } })).passwordChange;
      setErrors(result.errors);
      if (result.changed) {
        setCurrent('');
        setNext('');
        setRepeat('');
        setMessage(t('account.change.done'));
      }
    } catch (e) {
      setFailure(requestFailure(e));
    }
  }

  return (
    <section aria-labelledby="own-password-title" className="kp-form">
      <h2 id="own-password-title">{t('account.change.title')}</h2>
      <PasswordField
        label={t('account.change.current')}
        autocomplete="current-password"
        value={current}
        {...fieldError(byField('currentPassword'))}
        onValueChanged={(e) => setCurrent(e.detail.value)}
      />
      <PasswordField
        label={t('account.set.password')}
        helperText={t('profile.newPasswordHelp')}
        autocomplete="new-password"
        value={next}
        {...fieldError(byField('newPassword'))}
        onValueChanged={(e) => setNext(e.detail.value)}
      />
      <PasswordField
        label={t('account.set.repeat')}
        autocomplete="new-password"
        value={repeat}
        {...fieldError(byField('repeat'))}
        onValueChanged={(e) => setRepeat(e.detail.value)}
      />
      <FormErrors errors={generalErrors(errors, ['currentPassword', 'newPassword'])} messages={failure ? [failure] : []} />
      {message && <p role="status">{message}</p>}
      <div className="kp-buttons">
        <Button theme="primary" disabled={change.busy} onClick={() => void send()}>
          {change.busy ? t('account.busy') : t('account.change.submit')}
        </Button>
      </div>
    </section>
  );
}
