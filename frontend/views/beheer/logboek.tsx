import type { ViewConfig } from '@vaadin/hilla-file-router/types.js';
import { Button } from '@vaadin/react-components/Button.js';
import { DatePicker } from '@vaadin/react-components/DatePicker.js';
import { useMemo, useState } from 'react';
import { AdminNav, type MenuDetail } from '../../components/AdminNav';
import { type Column, DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { FilterSelect } from '../../components/FilterSelect';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { useUndo } from '../../components/UndoAction';
import { type AuditAction, type AuditEventFilter, SchoolAuditEventsDocument, type SchoolAuditEventsQuery } from '../../gql/graphql';
import { t } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { useGqlQuery } from '../../lib/data';
import { useSession } from '../../lib/session';

export const config: ViewConfig<MenuDetail> = { title: 'admin.auditLog', menu: { order: 13 }, detail: { admin: true } };

type AuditRow = NonNullable<NonNullable<SchoolAuditEventsQuery['school']>['auditEvents']>['edges'][number]['node'];

const ACTIONS: AuditAction[] = [
  'PROFESSIONAL_CREATE', 'STUDENT_CREATE', 'PROFESSIONALS_IMPORT', 'STUDENTS_IMPORT', 'USERS_ARCHIVE', 'USERS_DEARCHIVE', 'USER_UPDATE',
  'STUDENT_CREDENTIALS_RESET', 'STUDENTS_GRADE_YEAR_CHANGE', 'STUDENTS_LINK', 'PROFESSIONALS_LINK', 'ROLES_REMOVE',
  'STUDENT_PRODUCTS_SET', 'PROFESSIONAL_ROLES_SET', 'AUDIT_BATCH_UNDO', 'INVITATION_ACCEPT', 'INVITATION_DECLINE',
  'IP_RANGE_ADDED', 'IP_RANGE_ACTIVATED', 'IP_RANGE_DEACTIVATED', 'IP_RANGE_REMOVED', 'STUDENT_LOGIN_SCHOOL_ONLY_SET',
];
const UNDOABLE = new Set<AuditAction>([
  'USERS_ARCHIVE', 'USERS_DEARCHIVE', 'STUDENTS_GRADE_YEAR_CHANGE', 'STUDENTS_LINK', 'PROFESSIONALS_LINK',
  'ROLES_REMOVE', 'STUDENT_PRODUCTS_SET', 'PROFESSIONAL_ROLES_SET',
]);

/** What an event changed, one field a line, in words the server wrote in the user's language: label: before → after. */
function Changes({ changes }: { changes: AuditRow['changes'] }) {
  if (changes.length === 0) return <>{t('common.none')}</>;
  return (
    <ul className="kp-changes">
      {changes.map((c) => (
        <li key={c.field}>
          {t('audit.changeLine', { label: c.label, before: c.before ?? t('common.none'), after: c.after ?? t('common.none') })}
        </li>
      ))}
    </ul>
  );
}

/** X5: every administrative change of the school (who, when, what, before/after), with undo of a bulk action. */
export default function AuditLogView() {
  const { schoolId } = useSession();
  const format = useFormat();
  const { undo, busy: undoing } = useUndo();
  const [action, setAction] = useState<string | undefined>();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [message, setMessage] = useState<string | null>(null);
  const filter = useMemo<AuditEventFilter>(
    () => ({
      action: action as AuditAction | undefined,
      from: from ? `${from}T00:00:00Z` : undefined,
      to: to ? `${to}T23:59:59Z` : undefined,
    }),
    [action, from, to],
  );
  const query = useGqlQuery(
    SchoolAuditEventsDocument,
    { schoolId, first: 50, after: cursors[cursors.length - 1], filter },
    { enabled: !!schoolId, keepPrevious: true },
  );
  const events = query.data?.school?.auditEvents;
  const restart = () => setCursors([null]);

  const columns: Column<AuditRow>[] = [
    { key: 'when', header: t('audit.when'), cell: (e) => format.dateTime(e.at) },
    { key: 'who', header: t('audit.who'), cell: (e) => e.actorName ?? t('common.none') },
    { key: 'action', header: t('audit.action'), cell: (e) => t(`audit.action.${e.action}`) },
    {
      key: 'target',
      header: t('audit.target'),
      cell: (e) => e.targetName ?? (e.targetType === 'SCHOOL' ? t('audit.targetSchool') : t('common.none')),
    },
    { key: 'change', header: t('audit.change'), cell: (e) => <Changes changes={e.changes} /> },
    {
      key: 'undo',
      header: '',
      cell: (e) =>
        e.batchId && UNDOABLE.has(e.action) ? (
          <Button theme="tertiary" disabled={undoing} onClick={() => void undo(e.batchId!).then(setMessage)}>
            {t('admin.undo')}
          </Button>
        ) : null,
    },
  ];

  return (
    <section aria-labelledby="audit-title">
      <PageHeader id="audit-title" title={t('audit.title')} />
      <AdminNav />
      <div className="kp-filters">
        <FilterSelect
          label={t('audit.action')}
          value={action}
          options={ACTIONS.map((a) => ({ label: t(`audit.action.${a}`), value: a }))}
          onChange={(value) => { setAction(value); restart(); }}
        />
        <DatePicker label={t('audit.from')} value={from} onValueChanged={(e) => { setFrom(e.detail.value); restart(); }} />
        <DatePicker label={t('audit.to')} value={to} onValueChanged={(e) => { setTo(e.detail.value); restart(); }} />
      </div>
      {message && <p role="status">{message}</p>}
      <DataTable
        label={t('audit.title')}
        rows={events?.edges.map((e) => e.node) ?? []}
        rowKey={(e) => e.id}
        columns={columns}
        loading={!events}
        stale={query.stale}
        error={query.error}
        onRetry={() => void query.refetch()}
        empty={<EmptyState title={t('audit.empty')} hint={t('audit.emptyHint')} />}
      />
      {events && (
        <Pager
          page={cursors.length - 1}
          hasNext={events.pageInfo.hasNextPage}
          busy={query.busy}
          onPrevious={() => setCursors((c) => c.slice(0, -1))}
          onNext={() => setCursors((c) => [...c, events.pageInfo.endCursor ?? null])}
        />
      )}
    </section>
  );
}
