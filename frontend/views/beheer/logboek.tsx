import type { ViewConfig } from '@vaadin/hilla-file-router/types.js';
import { Button } from '@vaadin/react-components/Button.js';
import { DatePicker } from '@vaadin/react-components/DatePicker.js';
import { Grid } from '@vaadin/react-components/Grid.js';
import { GridColumn } from '@vaadin/react-components/GridColumn.js';
import { Select } from '@vaadin/react-components/Select.js';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import {
  type AuditAction,
  AuditBatchUndoDocument,
  type AuditEventFilter,
  SchoolAuditEventsDocument,
  type SchoolAuditEventsQuery,
} from '../../gql/graphql';
import { execute, useQuery } from '../../lib/graphql';
import { type MessageKey, useI18n, usePageTitle } from '../../lib/i18n';
import { useSession } from '../../lib/session';

export const config: ViewConfig = { title: 'Logboek' };

type AuditRow = NonNullable<NonNullable<SchoolAuditEventsQuery['school']>['auditEvents']>['edges'][number]['node'];

const ALL = 'ALL';
const ACTIONS: AuditAction[] = [
  'PROFESSIONAL_CREATE', 'STUDENT_CREATE', 'USERS_ARCHIVE', 'USERS_DEARCHIVE', 'USER_UPDATE',
  'STUDENT_CREDENTIALS_RESET', 'STUDENTS_GRADE_YEAR_CHANGE', 'STUDENTS_LINK', 'PROFESSIONALS_LINK', 'ROLES_REMOVE',
  'STUDENT_PRODUCTS_SET', 'PROFESSIONAL_ROLES_SET', 'AUDIT_BATCH_UNDO',
];
const UNDOABLE = new Set<AuditAction>([
  'USERS_ARCHIVE', 'USERS_DEARCHIVE', 'STUDENTS_GRADE_YEAR_CHANGE', 'STUDENTS_LINK', 'PROFESSIONALS_LINK',
  'ROLES_REMOVE', 'STUDENT_PRODUCTS_SET', 'PROFESSIONAL_ROLES_SET',
]);

/** X5: every administrative change of the school (who, when, what, before/after), with undo of a bulk action. */
export default function AuditLogView() {
  const { t, language } = useI18n();
  usePageTitle(t('audit.title'));
  const { membership } = useSession();
  const schoolId = membership?.school.id ?? '';
  const [action, setAction] = useState(ALL);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [message, setMessage] = useState<string | null>(null);
  const filter = useMemo<AuditEventFilter>(
    () => ({
      action: action !== ALL ? (action as AuditAction) : undefined,
      from: from ? `${from}T00:00:00Z` : undefined,
      to: to ? `${to}T23:59:59Z` : undefined,
    }),
    [action, from, to],
  );
  const { data, error, refetch } = useQuery(
    SchoolAuditEventsDocument,
    { schoolId, first: 50, after: cursors[cursors.length - 1], filter },
    !schoolId,
  );
  const events = data?.school?.auditEvents;
  const rows = events?.edges.map((e) => e.node) ?? [];
  const format = new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  });

  async function undo(batchId: string) {
    const result = (await execute(AuditBatchUndoDocument, { input: { batchId } })).auditBatchUndo;
    setMessage(result.errors.length ? result.errors.map((e) => e.message).join(' ') : t('admin.undone'));
    refetch();
  }

  return (
    <section aria-labelledby="audit-title">
      <div className="kp-admin-head">
        <h1 id="audit-title">{t('audit.title')}</h1>
        <span className="kp-spacer" />
        <Link to="/beheer">{t('admin.backToOverview')}</Link>
      </div>
      <div className="kp-filters">
        <Select
          label={t('audit.action')}
          value={action}
          items={[{ label: t('admin.filter.all'), value: ALL }, ...ACTIONS.map((a) => ({ label: t(`audit.action.${a}` as MessageKey), value: a }))]}
          onValueChanged={(e) => { setAction(e.detail.value); setCursors([null]); }}
        />
        <DatePicker label={t('audit.from')} value={from} onValueChanged={(e) => { setFrom(e.detail.value); setCursors([null]); }} />
        <DatePicker label={t('audit.to')} value={to} onValueChanged={(e) => { setTo(e.detail.value); setCursors([null]); }} />
      </div>
      {message && <p role="status">{message}</p>}
      {error && <p role="alert">{t('common.error')}</p>}
      <Grid items={rows} allRowsVisible aria-label={t('audit.title')}>
        <GridColumn header={t('audit.when')} width="10rem" flexGrow={0}>
          {({ item }: { item: AuditRow }) => <span>{format.format(new Date(item.at))}</span>}
        </GridColumn>
        <GridColumn header={t('audit.who')}>{({ item }: { item: AuditRow }) => <span>{item.actorName ?? '—'}</span>}</GridColumn>
        <GridColumn header={t('audit.action')}>
          {({ item }: { item: AuditRow }) => <span>{t(`audit.action.${item.action}` as MessageKey) ?? item.action}</span>}
        </GridColumn>
        <GridColumn header={t('audit.target')}>{({ item }: { item: AuditRow }) => <span>{item.targetName ?? '—'}</span>}</GridColumn>
        <GridColumn header={t('audit.change')} flexGrow={3}>
          {({ item }: { item: AuditRow }) => (
            <span className="kp-change">
              {item.changes.map((c) => `${c.label}: ${c.before ?? '—'} → ${c.after ?? '—'}`).join('; ') || '—'}
            </span>
          )}
        </GridColumn>
        <GridColumn header="" width="10rem" flexGrow={0}>
          {({ item }: { item: AuditRow }) =>
            item.batchId && UNDOABLE.has(item.action) ? (
              <Button theme="tertiary" onClick={() => void undo(item.batchId!)}>
                {t('admin.undo')}
              </Button>
            ) : null
          }
        </GridColumn>
      </Grid>
      <nav className="kp-pager" aria-label={t('admin.paging')}>
        <Button disabled={cursors.length === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>{t('admin.previous')}</Button>
        <Button disabled={!events?.pageInfo.hasNextPage} onClick={() => setCursors((c) => [...c, events?.pageInfo.endCursor ?? null])}>
          {t('admin.next')}
        </Button>
      </nav>
    </section>
  );
}
