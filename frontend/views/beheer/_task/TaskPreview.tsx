import { forwardRef } from 'react';
import { SchoolUserNameDocument } from '../../../gql/graphql';
import { t } from '../../../i18n';
import { useGqlQuery } from '../../../lib/data';
import { errorText } from '../../../lib/errors';
import type { Target } from '../../../lib/users';
import type { Outcome } from './runTask';

/** A user's name: from what the list has seen, else asked from the server (a refused user of "select all"). */
function UserName({ schoolId, id, known }: { schoolId: string; id: string; known?: Target }) {
  const query = useGqlQuery(SchoolUserNameDocument, { schoolId, userId: id }, { enabled: !known });
  return <strong>{known?.name ?? query.data?.school?.user?.user.displayName ?? '…'}</strong>;
}

/** The dry run's outcome: how many change, stay, are refused, and per refused user why (nothing changes until then). */
export const TaskPreview = forwardRef<HTMLDivElement, { schoolId: string; outcome: Outcome; known: ReadonlyMap<string, Target> }>(
  function TaskPreview({ schoolId, outcome, known }, ref) {
    const count = (status: string) => outcome.results.filter((r) => r.status === status).length;
    const refused = outcome.results.filter((r) => r.status === 'REFUSED');
    const general = outcome.errors.filter((e) => !e.itemId);
    return (
      <div className="kp-preview" role="status" tabIndex={-1} ref={ref}>
        <p>{t('admin.preview.summary', { applied: count('APPLIED'), unchanged: count('UNCHANGED'), refused: refused.length })}</p>
        {general.map((e, i) => (
          <p key={i} role="alert" className="kp-error">
            {errorText(e)}
          </p>
        ))}
        {refused.length > 0 && (
          <>
            <p role="alert" className="kp-error">
              {t('admin.refusedExplanation')}
            </p>
            <ul className="kp-refused">
              {refused.map((r) => (
                <li key={r.userId}>
                  <UserName schoolId={schoolId} id={r.userId} known={known.get(r.userId)} />: {r.error ? errorText(r.error) : ''}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    );
  },
);
