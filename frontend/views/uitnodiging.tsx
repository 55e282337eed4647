import type { ViewConfig } from '@vaadin/hilla-file-router/types.js';
import { Button } from '@vaadin/react-components/Button.js';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Busy, LoadFailed } from '../components/Busy';
import { FormErrors } from '../components/FormErrors';
import { PageHeader } from '../components/PageHeader';
import { InvitationAcceptDocument, InvitationDeclineDocument, InvitationDocument } from '../gql/graphql';
import { t } from '../i18n';
import { useFormat } from '../i18n/format';
import { useGqlMutation, useGqlQuery } from '../lib/data';
import { requestFailure, type ServerError } from '../lib/errors';
import { useLinkSecret } from '../lib/linkSecret';
import { useSession } from '../lib/session';

export const config: ViewConfig = { title: 'invitation.title', menu: { exclude: true } };

type Answer = { accepted: boolean; schoolId: string; schoolName: string };

/**
 * Issue 10, item 9: the page of the link mailed to a professional whom another school added. The token is in the
 * fragment (never in a server log or a Referer); the signed-in person accepts (the school joins their school switcher)
 * or declines.
 */
export default function InvitationView() {
  const token = useLinkSecret({ clear: true });
  return <Invitation key={token} token={token} />;
}

function Invitation({ token }: { token: string }) {
  const invitation = useGqlQuery(InvitationDocument, { token }, { enabled: token !== '' });
  const accept = useGqlMutation(InvitationAcceptDocument);
  const decline = useGqlMutation(InvitationDeclineDocument);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [errors, setErrors] = useState<readonly ServerError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const { selectSchool } = useSession();
  const navigate = useNavigate();
  const format = useFormat();
  const busy = accept.busy || decline.busy;

  async function send(accepting: boolean) {
    setErrors([]);
    setFailure(null);
    try {
      const payload = accepting
        ? (await accept.run({ input: { token } })).invitationAccept
        : (await decline.run({ input: { token } })).invitationDecline;
      if (payload.errors.length > 0 || !payload.school) {
        setErrors(payload.errors);
      } else {
        setAnswer({ accepted: payload.accepted, schoolId: payload.school.id, schoolName: payload.school.name });
      }
    } catch (e: unknown) {
      setFailure(requestFailure(e));
    }
  }

  const open = invitation.data?.invitation;
  return (
    <section aria-labelledby="invitation-title">
      <PageHeader id="invitation-title" title={t('invitation.title')} />
      {answer ? (
        <div role="status">
          <p>{t(answer.accepted ? 'invitation.accepted' : 'invitation.declined', { school: answer.schoolName })}</p>
          {answer.accepted && (
            <Button
              theme="primary"
              onClick={() => {
                selectSchool(answer.schoolId);
                navigate('/');
              }}
            >
              {t('invitation.toSchool', { school: answer.schoolName })}
            </Button>
          )}
        </div>
      ) : token === '' ? (
        <p role="status">{t('invitation.noLink')}</p>
      ) : invitation.isPending ? (
        <Busy />
      ) : invitation.error ? (
        <LoadFailed error={invitation.error} onRetry={() => void invitation.refetch()} />
      ) : !open ? (
        <p role="alert">{t('error.INVITATION_INVALID')}</p>
      ) : (
        <>
          <p>{t('invitation.intro', { school: open.schoolName })}</p>
          <p>{t('invitation.explain', { school: open.schoolName })}</p>
          {open.expired ? (
            <p role="alert">{t('error.INVITATION_EXPIRED')}</p>
          ) : (
            <p>{t('invitation.until', { until: format.dateTime(open.expiresAt) })}</p>
          )}
          <FormErrors errors={errors} messages={failure ? [failure] : []} />
          <div className="kp-buttons">
            {!open.expired && (
              <Button theme="primary" disabled={busy} onClick={() => void send(true)}>
                {t('invitation.accept')}
              </Button>
            )}
            <Button disabled={busy} onClick={() => void send(false)}>
              {t('invitation.decline')}
            </Button>
          </div>
          {busy && <Busy />}
        </>
      )}
    </section>
  );
}
