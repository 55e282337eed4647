import { Button } from '@vaadin/react-components/Button.js';
import { EmailField, type EmailFieldElement } from '@vaadin/react-components/EmailField.js';
import { PasswordField, type PasswordFieldElement } from '@vaadin/react-components/PasswordField.js';
import { useEffect, useRef, useState } from 'react';
import { fieldError, FormErrors } from '../../../components/FormErrors';
import { MyEmailChangeRequestDocument } from '../../../gql/graphql';
import { t } from '../../../i18n';
import { useFormat } from '../../../i18n/format';
import { useGqlMutation } from '../../../lib/data';
import { errorText, generalErrors, type ServerError } from '../../../lib/errors';
import { useAttempt } from '../../../lib/submit';

const FIELDS = ['newEmail', 'currentPassword'] as const;
type Field = (typeof FIELDS)[number];

/** A request that went out: the address the confirmation mail went to, and until when its link works. */
interface Pending {
  readonly email: string;
  readonly expiresAt: string;
}

/** A server error at the form's fields; too many wrong passwords says how long to wait, in whole seconds. */
function emailChangeErrorText(error: ServerError): string {
  if (error.code === 'TOO_MANY_REQUESTS') {
    const seconds = Number(error.params?.find((p) => p.name === 'retryAfterSeconds')?.value ?? 60);
    return t('emailChange.tooManyAttempts', { seconds });
  }
  return errorText(error);
}

/**
 * B16 (issue 10): a professional changes their own login e-mail from their profile: the new address and the current
 * password. Nothing changes until the link mailed to the new address is opened (`/e-mailadres-bevestigen`); the screen
 * then says where the mail went, until when the link works and what happens next.
 */
export function OwnEmail({ currentEmail }: { currentEmail: string }) {
  const request = useGqlMutation(MyEmailChangeRequestDocument);
  const { errors, setErrors, failure, attempt } = useAttempt();
  const [newEmail, setNewEmail] = useState('');
  const [password, setPassword] = useState('');
  const [local, setLocal] = useState<Partial<Record<Field, string>>>({});
  const [pending, setPending] = useState<Pending | null>(null);
  const format = useFormat();
  const emailRef = useRef<EmailFieldElement>(null);
  const passwordRef = useRef<PasswordFieldElement>(null);
  const pendingRef = useRef<HTMLHeadingElement>(null);
  const [focusFirstError, setFocusFirstError] = useState(0);

  const byField = (field: Field): string | undefined =>
    local[field] ?? errors.filter((e) => e.field === field).map(emailChangeErrorText)[0];

  /** A field the user types in again loses its error (typing only: emptying the password after an attempt keeps it). */
  const forget = (field: Field) => {
    setLocal((l) => (field in l ? { ...l, [field]: undefined } : l));
    setErrors((es) => (es.some((e) => e.field === field) ? es.filter((e) => e.field !== field) : es));
  };

  useEffect(() => {
    if (!focusFirstError) return;
    if (byField('newEmail')) emailRef.current?.focus();
    else if (byField('currentPassword')) passwordRef.current?.focus();
    // focus once per attempt, after its errors are on the fields
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusFirstError]);

  useEffect(() => {
    if (pending) pendingRef.current?.focus();
  }, [pending]);

  async function send() {
    if (request.busy) return;
    const problems: Partial<Record<Field, string>> = {};
    const wanted = newEmail.trim();
    if (!wanted) problems.newEmail = t('validation.emailRequired');
    else if (wanted.toLowerCase() === currentEmail.toLowerCase()) problems.newEmail = t('emailChange.sameAddress');
    if (!password) problems.currentPassword = t('validation.passwordRequired');
    setLocal(problems);
    setErrors([]);
    if (Object.keys(problems).length) {
      setFocusFirstError((n) => n + 1);
      return;
    }
    const outcome: { pending?: Pending } = {};
    await attempt(async () => {
      const result = (await request.run({ input: { newEmail: wanted, currentPassword: password } })).myEmailChangeRequest;
      if (!result.errors.length && result.pendingEmail && result.expiresAt) {
        outcome.pending = { email: result.pendingEmail, expiresAt: String(result.expiresAt) };
      }
      return result.errors;
    });
    setPassword('');
    if (outcome.pending) {
      setNewEmail('');
      setPending(outcome.pending);
    } else {
      setFocusFirstError((n) => n + 1);
    }
  }

  const onEnter = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter') void send();
  };

  if (pending) {
    return (
      <section aria-labelledby="own-email-title" className="kp-form">
        <h2 id="own-email-title">{t('emailChange.title')}</h2>
        <div role="status" className="kp-notice">
          <h3 ref={pendingRef} tabIndex={-1}>
            {t('emailChange.sentTitle')}
          </h3>
          <p>{t('emailChange.sent', { email: pending.email })}</p>
          <ol>
            <li>{t('emailChange.next.open', { until: format.dateTime(pending.expiresAt) })}</li>
            <li>{t('emailChange.next.login', { email: pending.email, current: currentEmail })}</li>
            <li>{t('emailChange.next.notice', { current: currentEmail })}</li>
          </ol>
          <p>{t('emailChange.noMail')}</p>
        </div>
        <div className="kp-buttons">
          <Button
            onClick={() => {
              setPending(null);
              // back to the form, with the focus where the new address goes
              requestAnimationFrame(() => emailRef.current?.focus());
            }}
          >
            {t('emailChange.again')}
          </Button>
        </div>
      </section>
    );
  }

  return (
    <section aria-labelledby="own-email-title" className="kp-form">
      <h2 id="own-email-title">{t('emailChange.title')}</h2>
      <p>{t('emailChange.explanation', { current: currentEmail })}</p>
      <EmailField
        ref={emailRef}
        label={t('emailChange.newEmail')}
        autocomplete="email"
        value={newEmail}
        {...fieldError(byField('newEmail'))}
        onValueChanged={(e) => setNewEmail(e.detail.value)}
        onInput={() => forget('newEmail')}
        onKeyDown={onEnter}
      />
      <PasswordField
        ref={passwordRef}
        label={t('emailChange.password')}
        helperText={t('emailChange.passwordHelp')}
        autocomplete="current-password"
        value={password}
        {...fieldError(byField('currentPassword'))}
        onValueChanged={(e) => setPassword(e.detail.value)}
        onInput={() => forget('currentPassword')}
        onKeyDown={onEnter}
      />
      <FormErrors errors={generalErrors(errors, FIELDS)} messages={failure ? [failure] : []} />
      <div className="kp-buttons">
        <Button theme="primary" disabled={request.busy} onClick={() => void send()}>
          {request.busy ? t('account.busy') : t('emailChange.submit')}
        </Button>
      </div>
    </section>
  );
}
