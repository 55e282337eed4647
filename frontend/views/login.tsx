import type { ViewConfig } from '@vaadin/hilla-file-router/types.js';
import { Button } from '@vaadin/react-components/Button.js';
import { LoginForm, type LoginI18n } from '@vaadin/react-components/LoginForm.js';
import { RadioButton } from '@vaadin/react-components/RadioButton.js';
import { RadioGroup, type RadioGroupElement } from '@vaadin/react-components/RadioGroup.js';
import { useEffect, useRef, useState } from 'react';
import { usePageTitle } from '../components/PageHeader';
import { Providers } from '../components/Providers';
import { dynamicText, setLanguage, t, useLanguage } from '../i18n';
import { csrfHeaders } from '../lib/graphql';

export const config: ViewConfig = { title: 'login.submit', skipLayouts: true, menu: { exclude: true } };

const REFUSALS = ['OUTSIDE_SCHOOL', 'NO_SCHOOL_NETWORK', 'ADDRESS_UNKNOWN'] as const;
type Refusal = (typeof REFUSALS)[number];

/** The code of a refused sign-in (`{"error": "OUTSIDE_SCHOOL"}`); an unknown one reads as "outside school". */
async function refusalCode(response: Response): Promise<Refusal> {
  const body = (await response.json().catch(() => ({}))) as { error?: string };
  return REFUSALS.find((r) => r === body.error) ?? 'OUTSIDE_SCHOOL';
}

/** A school whose pupil has this username and password (the answer `SCHOOL_NEEDED`). */
type School = { id: number; name: string };

/** A username and password that fit at several schools: the pupil chooses theirs, the form sends it along. */
type SchoolChoice = { username: string; password: string; schools: School[] };

/** Where "Inloggen met Basispoort" starts (Spring Security's authorization request for the `basispoort` registration). */
const SSO_START = '/oauth2/authorization/basispoort';

/**
 * Why a sign-in was refused, in the user's language: a login rule's code (BP7, `login.refused.*`) or single sign-on's
 * (BP4, `login.sso.*`); anything else is a failed single sign-on.
 */
function refusalText(code: string) {
  return dynamicText(`login.refused.${code}`) ?? dynamicText(`login.sso.${code}`) ?? t('login.sso.FAILED');
}

function Login() {
  const language = useLanguage();
  const ssoCode = new URLSearchParams(window.location.search).get('sso');
  const [error, setError] = useState(false);
  const [retryAfter, setRetryAfter] = useState<number | undefined>();
  // a sign-in a rule refused (BP7: a pupil outside the school's network): its code from the server
  const [refused, setRefused] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [choice, setChoice] = useState<SchoolChoice | null>(null);
  const [school, setSchool] = useState('');
  const schoolsRef = useRef<RadioGroupElement>(null);
  // "Inloggen met Basispoort" only where this installation has it configured (GET /login/options)
  const [singleSignOn, setSingleSignOn] = useState(false);
  usePageTitle(t('login.submit'));

  useEffect(() => {
    const controller = new AbortController();
    fetch('/login/options', { credentials: 'same-origin', signal: controller.signal })
      .then((response) => (response.ok ? (response.json() as Promise<{ singleSignOn?: boolean }>) : { singleSignOn: false }))
      .then((options) => setSingleSignOn(options.singleSignOn === true))
      .catch(() => setSingleSignOn(false));
    return () => controller.abort();
  }, []);

  // the question takes the focus from the form that asked it: the first school, ready for the arrow keys
  useEffect(() => {
    if (!choice) return;
    const frame = requestAnimationFrame(() => schoolsRef.current?.querySelector<HTMLElement>('vaadin-radio-button')?.focus());
    return () => cancelAnimationFrame(frame);
  }, [choice]);

  const throttled = retryAfter !== undefined;
  const i18n: LoginI18n = {
    form: {
      title: t('login.title'),
      username: t('login.username'),
      password: t('login.password'),
      submit: t('login.submit'),
      forgotPassword: t('login.forgot'),
    },
    errorMessage: {
      title: refused ? t('login.refused.title') : throttled ? t('login.throttled.title') : t('login.error.title'),
      message: refused
        ? refusalText(refused)
        : throttled
          ? t('login.throttled.message', { seconds: retryAfter })
          : t('login.error.message'),
      username: t('login.error.username'),
      password: t('login.error.password'),
    },
  };

  async function login(username: string, password: string, chosen?: string) {
    setBusy(true);
    const response = await fetch('/login', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...csrfHeaders() },
      body: new URLSearchParams(chosen ? { username, password, school: chosen } : { username, password }),
    });
    if (response.ok) {
      window.location.assign('/');
      return;
    }
    if (response.status === 409) {
      // the username and password fit pupils at several schools (usernames are unique per school): which is yours?
      const body = (await response.json().catch(() => ({}))) as { error?: string; schools?: School[] };
      if (body.error === 'SCHOOL_NEEDED' && body.schools?.length) {
        setChoice({ username, password, schools: body.schools });
        setSchool('');
        setError(false);
        setBusy(false);
        return;
      }
    }
    setChoice(null);
    setRefused(response.status === 403 ? await refusalCode(response) : null);
    // 429: too many failed attempts for this account or address; the server says how long to wait
    setRetryAfter(response.status === 429 ? Number(response.headers.get('Retry-After') ?? 60) : undefined);
    setError(true);
    setBusy(false);
  }

  return (
    <main className="kp-login">
      <p className="kp-brand-large" aria-hidden="true">
        Klaspoort
      </p>
      <p>{t('login.description')}</p>
      {ssoCode && (
        <div role="alert" className="kp-login-alert">
          <strong>{t('login.sso.title')}</strong>
          <p>{refusalText(ssoCode)}</p>
        </div>
      )}
      {choice ? (
        <form
          className="kp-school-choice"
          onSubmit={(e) => {
            e.preventDefault();
            if (school) void login(choice.username, choice.password, school);
          }}
        >
          <RadioGroup
            ref={schoolsRef}
            label={t('login.school.title')}
            helperText={t('login.school.message')}
            theme="vertical helper-above-field"
            value={school}
            onValueChanged={(e) => setSchool(e.detail.value)}
          >
            {choice.schools.map((s) => (
              <RadioButton key={s.id} value={String(s.id)} label={s.name} />
            ))}
          </RadioGroup>
          <div className="kp-school-choice-actions">
            <Button theme="primary" disabled={busy || !school} onClick={() => void login(choice.username, choice.password, school)}>
              {t('login.submit')}
            </Button>
            <Button theme="tertiary" disabled={busy} onClick={() => setChoice(null)}>
              {t('login.school.back')}
            </Button>
          </div>
        </form>
      ) : (
        <LoginForm i18n={i18n} error={error} disabled={busy} noForgotPassword onLogin={(e) => void login(e.detail.username, e.detail.password)} />
      )}
      {singleSignOn && (
        <>
          <p className="kp-login-or">{t('login.sso.or')}</p>
          {/* a full page load: the server starts the OpenID Connect redirect, the SPA's router must not take the click */}
          <a
            className="kp-sso-button"
            href={SSO_START}
            onClick={(e) => {
              e.preventDefault();
              window.location.assign(SSO_START);
            }}
          >
            {t('login.sso.button')}
          </a>
        </>
      )}
      <p>
        <a href="wachtwoord-vergeten">{t('login.forgot')}</a>
      </p>
      <p>
        <a href="productstatus">{t('status.title')}</a>
      </p>
      <button type="button" className="kp-link-button" lang={language === 'nl' ? 'en' : 'nl'} onClick={() => void setLanguage(language === 'nl' ? 'en' : 'nl')}>
        {t('header.language')}
      </button>
    </main>
  );
}

export default function LoginView() {
  return (
    <Providers>
      <Login />
    </Providers>
  );
}
