import { Button } from '@vaadin/react-components/Button.js';
import type { ReactNode } from 'react';
import { FormErrors } from '../../components/FormErrors';
import { usePageTitle } from '../../components/PageHeader';
import { setLanguage, t, useLanguage } from '../../i18n';

/** The frame of the pages reached without signing in (login help, a mailed link): brand, title, language switch. */
export function AccountPage({ title, children }: { title: string; children: ReactNode }) {
  const language = useLanguage();
  usePageTitle(title);
  return (
    <main className="kp-login">
      <p className="kp-brand-large" aria-hidden="true">
        Klaspoort
      </p>
      <section className="kp-account-form" aria-labelledby="account-title">
        <h1 id="account-title">{title}</h1>
        {children}
      </section>
      <button type="button" className="kp-link-button" lang={language === 'nl' ? 'en' : 'nl'} onClick={() => void setLanguage(language === 'nl' ? 'en' : 'nl')}>
        {t('header.language')}
      </button>
    </main>
  );
}

/** A JSON POST to one of the account endpoints, as the login page does: CSRF token, the user's language. */
export async function postAccount(path: string, body: Record<string, string>, csrf: Record<string, string>, language: string): Promise<Response> {
  return fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'Accept-Language': language, ...csrf },
    body: JSON.stringify(body),
  });
}

/**
 * The one form of such a page: its intro, fields, a failure and the submit button (busy while it runs); Enter in a
 * field submits too.
 */
export function AccountForm({ intro, failure, busy, submit, onSubmit, children }: {
  intro: string;
  failure: string | null;
  busy: boolean;
  submit: string;
  onSubmit: () => void;
  children: ReactNode;
}) {
  return (
    <form
      className="kp-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <p>{intro}</p>
      {children}
      <FormErrors messages={failure ? [failure] : []} />
      <div className="kp-buttons">
        <Button theme="primary" disabled={busy} onClick={onSubmit}>
          {busy ? t('account.busy') : submit}
        </Button>
      </div>
    </form>
  );
}
