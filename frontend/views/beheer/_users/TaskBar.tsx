import { Button } from '@vaadin/react-components/Button.js';
import { SchoolUserIdsDocument, type UserFilter } from '../../../gql/graphql';
import { t } from '../../../i18n';
import { useGqlQuery } from '../../../lib/data';
import { type AdminTask, type Target, taskKind } from '../../../lib/users';
import type { SelectionState } from './useSelection';

/**
 * The bar of the chosen task: how many are selected, "Selecteer alle N" (N counts only the users the task applies
 * to, from `School.userIds`: one request), "Doorgaan" and "Annuleren".
 */
export function TaskBar({
  task,
  schoolId,
  archived,
  filter,
  myId,
  seen,
  selection,
  onContinue,
  onCancel,
}: {
  task: AdminTask;
  schoolId: string;
  archived: boolean;
  filter: UserFilter;
  myId: string;
  seen: readonly Target[];
  selection: SelectionState;
  onContinue: () => void;
  onCancel: () => void;
}) {
  const kind = taskKind(task);
  const matching = useGqlQuery(SchoolUserIdsDocument, { schoolId, archived, filter: { ...filter, kind } });
  const ids = (matching.data?.school?.userIds ?? []).filter((id) => task !== 'archive' || id !== myId);
  const all = ids.length > 0 && ids.every((id) => selection.has(id));
  const title = t(`admin.task.${task}`);
  return (
    <div className="kp-taskbar" role="region" aria-label={title}>
      <strong>{title}</strong>
      <span aria-live="polite" className="kp-selection-count">
        {t('admin.selectedCount', { count: selection.count })}
      </span>
      {ids.length > 0 && !all && (
        <Button theme="tertiary" disabled={matching.busy} onClick={() => selection.selectAll(ids, seen)}>
          {t('admin.selectAllMatching', { count: ids.length, kind: kind ?? 'ALL' })}
        </Button>
      )}
      <span className="kp-spacer" />
      <Button theme="primary" disabled={selection.count === 0} onClick={onContinue}>
        {t('admin.continue')}
      </Button>
      <Button onClick={onCancel}>{t('common.cancel')}</Button>
    </div>
  );
}
