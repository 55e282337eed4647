import type { ViewConfig } from '@vaadin/hilla-file-router/types.js';
import { EmailField } from '@vaadin/react-components/EmailField.js';
import { useState } from 'react';
import { fieldError } from '../components/FormErrors';
import { Providers } from '../components/Providers';
import { t, useLanguage } from '../i18n';
import { csrfHeaders } from '../lib/graphql';
import { AccountForm, AccountPage, postAccount } from './_account/AccountPage';

export const config: ViewConfig = { title: 'account.forgot.title', skipLayouts: true, menu: { exclude: true } };

/**
 * B1, S6: "Wachtwoord vergeten of wachtwoord instellen?" — a professional asks for a link to choose a password. The
 * answer is the same whether or not the address is known; pupils are told who sets theirs.
 */
function ForgotPassword() {
  const language = useLanguage();
  const [email, setEmail] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function send() {
    if (!email.trim()) {
      setMissing(true);
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const response = await postAccount('/account/password-reset', { email: email.trim() }, csrfHeaders(), language);
      if (response.ok) setSent(true);
      else setFailure(response.status === 429 ? t('account.tooMany') : t('app.requestFailed'));
    } catch {
      setFailure(t('app.requestFailed'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <AccountPage title={t('account.forgot.title')}>
      {sent ? (
        <p role="status">{t('account.forgot.sent')}</p>
      ) : (
        <AccountForm intro={t('account.forgot.intro')} failure={failure} busy={busy} submit={t('account.forgot.submit')} onSubmit={() => void send()}>
          <EmailField
            label={t('account.forgot.email')}
            autocomplete="email"
            value={email}
            {...fieldError(missing ? t('account.forgot.emailRequired') : undefined)}
            onValueChanged={(e) => {
              setEmail(e.detail.value);
              setMissing(false);
            }}
          />
        </AccountForm>
      )}
      <h2>{t('account.help.title')}</h2>
      <p>{t('account.help.pupils')}</p>
      <p>{t('account.help.username')}</p>
      <p>
        <a href="login">{t('account.backToLogin')}</a>
      </p>
    </AccountPage>
  );
}

export default function ForgotPasswordView() {
  return (
    <Providers>
      <ForgotPassword />
    </Providers>
  );
}
