import type { ViewConfig } from '@vaadin/hilla-file-router/types.js';
import { PasswordField } from '@vaadin/react-components/PasswordField.js';
import { useState } from 'react';
import { fieldError } from '../components/FormErrors';
import { Providers } from '../components/Providers';
import { t, useLanguage } from '../i18n';
import type { ServerError } from '../lib/errors';
import { csrfHeaders } from '../lib/graphql';
import { useLinkSecret } from '../lib/linkSecret';
import { passwordErrorText } from '../lib/password';
import { AccountForm, AccountPage, postAccount } from './_account/AccountPage';

export const config: ViewConfig = { title: 'account.set.title', skipLayouts: true, menu: { exclude: true } };

interface Refusal {
  code: string;
  field?: string | null;
  message: string;
  params?: Record<string, unknown>;
}

/**
 * B1: the page of a mailed link (activation or reset). The link's secret is in the fragment, so it never reaches a
 * server log or a Referer; the page sends it once with the chosen password.
 */
function SetPassword({ token }: { token: string }) {
  const language = useLanguage();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [linkInvalid, setLinkInvalid] = useState(!token);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  async function send() {
    const problems: Record<string, string> = {};
    if (!password) problems.password = t('validation.passwordRequired');
    else if (repeat !== password) problems.repeat = t('account.set.mismatch');
    setErrors(problems);
    if (Object.keys(problems).length) return;
    setBusy(true);
    setFailure(null);
    try {
      const response = await postAccount('/account/password', { token, password }, csrfHeaders(), language);
      if (response.ok) {
        setDone(true);
        history.replaceState(null, '', window.location.pathname);
        return;
      }
      const refusal = (await response.json().catch(() => null)) as Refusal | null;
      if (refusal?.code === 'LINK_INVALID') setLinkInvalid(true);
      else if (refusal?.code === 'INVALID_PASSWORD') {
        const error: ServerError = {
          code: refusal.code,
          message: refusal.message,
          params: Object.entries(refusal.params ?? {}).map(([name, value]) => ({ name, value: String(value) })),
        };
        setErrors({ password: passwordErrorText(error) });
      } else setFailure(t('app.requestFailed'));
    } catch {
      setFailure(t('app.requestFailed'));
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      <AccountPage title={t('account.set.title')}>
        <p role="status">{t('account.set.done')}</p>
        <p>
          <a href="login">{t('account.set.toLogin')}</a>
        </p>
      </AccountPage>
    );
  }
  if (linkInvalid) {
    return (
      <AccountPage title={t('account.set.title')}>
        <p role="alert" className="kp-error">
          {t('account.linkInvalid')}
        </p>
        <p>
          <a href="wachtwoord-vergeten">{t('account.set.newLink')}</a>
        </p>
      </AccountPage>
    );
  }
  return (
    <AccountPage title={t('account.set.title')}>
      <AccountForm intro={t('account.set.intro')} failure={failure} busy={busy} submit={t('account.set.submit')} onSubmit={() => void send()}>
        <PasswordField
          label={t('account.set.password')}
          helperText={t('profile.newPasswordHelp')}
          autocomplete="new-password"
          value={password}
          {...fieldError(errors.password)}
          onValueChanged={(e) => setPassword(e.detail.value)}
        />
        <PasswordField
          label={t('account.set.repeat')}
          autocomplete="new-password"
          value={repeat}
          {...fieldError(errors.repeat)}
          onValueChanged={(e) => setRepeat(e.detail.value)}
        />
      </AccountForm>
    </AccountPage>
  );
}

export default function SetPasswordView() {
  const token = useLinkSecret();
  return (
    <Providers>
      <SetPassword key={token} token={token} />
    </Providers>
  );
}
