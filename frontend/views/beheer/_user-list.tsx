import { Button } from '@vaadin/react-components/Button.js';
import { Checkbox } from '@vaadin/react-components/Checkbox.js';
import { Grid } from '@vaadin/react-components/Grid.js';
import { GridColumn } from '@vaadin/react-components/GridColumn.js';
import { MenuBar, type MenuBarItem } from '@vaadin/react-components/MenuBar.js';
import { Select } from '@vaadin/react-components/Select.js';
import { TextField } from '@vaadin/react-components/TextField.js';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  SchoolPickersDocument,
  SchoolUsersDocument,
  type SchoolUsersQuery,
  type UserFilter,
  type UserSort,
  type UserSortField,
} from '../../gql/graphql';
import { execute, useQuery } from '../../lib/graphql';
import { type MessageKey, useI18n, usePageTitle } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { ACTIVE_TASKS, type AdminTask, ARCHIVE_TASKS, appliesTo, type UserRow } from '../../lib/users';
import { type Target, TaskConfirmation } from './_task-confirmation';
import { UndoToast } from './_undo-toast';

const PAGE_SIZE = 50;
/** The "all" choice of a filter (Vaadin's Select shows an empty string as no selection). */
const ALL = 'ALL';

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

function toTarget(row: UserRow): Target {
  return { id: row.id, name: row.user.displayName, roles: row.roles };
}

/**
 * B3 user overview (or, with `archived`, the B9 archive) with server-side paging, search, filters, sorting and the
 * bulk tasks of "Kies een beheertaak" (B8, B10–B14).
 */
export function UserList({ archived }: { archived: boolean }) {
  const { t } = useI18n();
  const { viewer, membership } = useSession();
  const navigate = useNavigate();
  const title = t(archived ? 'admin.archive' : 'admin.title');
  usePageTitle(title);
  const tasks = archived ? ARCHIVE_TASKS : ACTIVE_TASKS;
  const schoolId = membership?.school.id ?? '';
  const isAdmin = membership?.roles.includes('ADMIN') ?? false;

  const [search, setSearch] = useState('');
  const [role, setRole] = useState(ALL);
  const [productId, setProductId] = useState(ALL);
  const [supervisorId, setSupervisorId] = useState(ALL);
  const [gradeYear, setGradeYear] = useState(ALL);
  const [sort, setSort] = useState<UserSort>({ field: 'NAME', direction: 'ASC' });
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [task, setTask] = useState<AdminTask | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [selectedTargets] = useState(() => new Map<string, Target>());
  const [allMatching, setAllMatching] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [toast, setToast] = useState<{ message: string; batchId: string | null } | null>(null);

  const debouncedSearch = useDebounced(search, 250);
  const filter = useMemo<UserFilter>(
    () => ({
      search: debouncedSearch || undefined,
      role: role !== ALL ? (role as UserFilter['role']) : undefined,
      productId: productId !== ALL ? productId : undefined,
      supervisorId: supervisorId !== ALL ? supervisorId : undefined,
      gradeYears: gradeYear !== ALL ? [Number(gradeYear)] : undefined,
    }),
    [debouncedSearch, role, productId, supervisorId, gradeYear],
  );

  // a new school, filter or sort starts at the first page with nothing selected
  useEffect(() => {
    setCursors([null]);
    setSelected(new Set());
    setAllMatching(false);
  }, [schoolId, filter, sort, archived]);

  const after = cursors[cursors.length - 1];
  const { data, loading, error, refetch } = useQuery(
    SchoolUsersDocument,
    { schoolId, archived, first: PAGE_SIZE, after, filter, sort, withTotal: true },
    !isAdmin,
  );
  const pickers = useQuery(SchoolPickersDocument, { schoolId }, !isAdmin);

  if (!isAdmin) {
    return <p role="alert">{t('admin.adminsOnly')}</p>;
  }

  const connection = data?.school?.active ?? data?.school?.archived;
  const rows = connection?.edges.map((e) => e.node) ?? [];
  const total = connection?.totalCount ?? 0;
  const firstIndex = (cursors.length - 1) * PAGE_SIZE;
  const myId = viewer.user.id;
  const selectionCount = allMatching ? total : selected.size;

  function toggle(row: UserRow, on: boolean) {
    const id = row.id;
    selectedTargets.set(id, toTarget(row));
    const fromAll = allMatching;
    setAllMatching(false);
    setSelected((current) => {
      // unticking one user of "select all N" keeps the others of this page selected
      const next = new Set(fromAll && task ? rows.filter((r) => appliesTo(task, r, myId)).map((r) => r.id) : current);
      if (fromAll) rows.forEach((r) => selectedTargets.set(r.id, toTarget(r)));
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  function sortBy(field: UserSortField) {
    setSort((s) => ({ field, direction: s.field === field && s.direction === 'ASC' ? 'DESC' : 'ASC' }));
  }

  function sortHeader(field: UserSortField, label: string) {
    const active = sort.field === field;
    return () => (
      <button
        type="button"
        className="kp-sort"
        aria-label={`${label}, ${t('admin.sortBy')}`}
        aria-pressed={active}
        onClick={() => sortBy(field)}
      >
        {label} {active ? (sort.direction === 'ASC' ? '▲' : '▼') : ''}
      </button>
    );
  }

  /** All users matching the filter that the task applies to (for "select all N"), fetched 100 at a time. */
  async function allMatchingTargets(): Promise<Target[]> {
    const ids: Target[] = [];
    let cursor: string | null = null;
    for (;;) {
      const page: SchoolUsersQuery = await execute(SchoolUsersDocument, { schoolId, archived, first: 100, after: cursor, filter, sort, withTotal: false });
      const users = page.school?.active ?? page.school?.archived;
      if (!users) return ids;
      users.edges.forEach((e) => task && appliesTo(task, e.node, myId) && ids.push(toTarget(e.node)));
      if (!users.pageInfo.hasNextPage) return ids;
      cursor = users.pageInfo.endCursor ?? null;
    }
  }

  const taskMenu: MenuBarItem[] = [
    {
      text: t('admin.chooseTask'),
      children: tasks.map((task) => ({ text: t(`admin.task.${task}` as MessageKey), task }) as MenuBarItem),
    },
  ];

  return (
    <section aria-labelledby="admin-title" className="kp-admin">
      <div className="kp-admin-head">
        <h1 id="admin-title">{title}</h1>
        <span className="kp-spacer" />
        {archived ? (
          <Link to="/beheer">{t('admin.backToOverview')}</Link>
        ) : (
          <Link to="/beheer/archief">{t('admin.archive')}</Link>
        )}
        <Link to="/beheer/logboek">{t('admin.auditLog')}</Link>
        <Link to="/beheer/ip-adressen">{t('admin.ipRanges')}</Link>
        <Button theme="primary" onClick={() => navigate('/beheer/nieuw')}>
          {t('admin.create')}
        </Button>
        <MenuBar
          items={taskMenu}
          theme="primary"
          onItemSelected={(e) => {
            const chosen = (e.detail.value as MenuBarItem & { task?: AdminTask }).task;
            if (chosen) {
              setTask(chosen);
              setSelected(new Set());
              setAllMatching(false);
            }
          }}
        />
      </div>

      <div className="kp-filters">
        <TextField
          label={t('admin.search')}
          placeholder={t('admin.searchPlaceholder')}
          value={search}
          clearButtonVisible
          onValueChanged={(e) => setSearch(e.detail.value)}
        />
        <Select
          label={t('admin.filter.role')}
          value={role}
          items={[
            { label: t('admin.filter.all'), value: ALL },
            { label: t('role.ADMIN'), value: 'ADMIN' },
            { label: t('role.SUPERVISOR'), value: 'SUPERVISOR' },
            { label: t('role.STUDENT'), value: 'STUDENT' },
          ]}
          onValueChanged={(e) => setRole(e.detail.value)}
        />
        <Select
          label={t('admin.filter.product')}
          value={productId}
          items={[
            { label: t('admin.filter.all'), value: ALL },
            ...(pickers.data?.school?.products ?? []).map((p) => ({ label: p.name, value: p.id })),
          ]}
          onValueChanged={(e) => setProductId(e.detail.value)}
        />
        <Select
          label={t('admin.filter.supervisor')}
          value={supervisorId}
          items={[
            { label: t('admin.filter.all'), value: ALL },
            ...(pickers.data?.school?.supervisors ?? []).map((s) => ({ label: s.displayName, value: s.id })),
          ]}
          onValueChanged={(e) => setSupervisorId(e.detail.value)}
        />
        <Select
          label={t('admin.filter.gradeYear')}
          value={gradeYear}
          items={[
            { label: t('admin.filter.all'), value: ALL },
            ...[1, 2, 3, 4, 5, 6, 7, 8].map((g) => ({ label: `${t('admin.gradeYearShort')} ${g}`, value: String(g) })),
          ]}
          onValueChanged={(e) => setGradeYear(e.detail.value)}
        />
      </div>

      {task && (
        <div className="kp-taskbar" role="region" aria-label={t(`admin.task.${task}` as MessageKey)}>
          <strong>{t(`admin.task.${task}` as MessageKey)}</strong>
          <span aria-live="polite" className="kp-selection-count">
            {selectionCount} {t('admin.selected')}
          </span>
          {total > 0 && !allMatching && (
            <Button theme="tertiary" onClick={() => setAllMatching(true)}>
              {t('admin.selectAllMatching').replace('{n}', String(total))}
            </Button>
          )}
          <span className="kp-spacer" />
          <Button theme="primary" disabled={selectionCount === 0} onClick={() => setConfirming(true)}>
            {t('admin.continue')}
          </Button>
          <Button
            onClick={() => {
              setTask(null);
              setSelected(new Set());
              setAllMatching(false);
            }}
          >
            {t('common.cancel')}
          </Button>
        </div>
      )}

      {error && <p role="alert">{t('common.error')}</p>}
      <Grid items={rows} allRowsVisible aria-label={title} className="kp-users-grid">
        {task && (
          <GridColumn header="" width="4rem" flexGrow={0}>
            {({ item }: { item: UserRow }) =>
              appliesTo(task, item, myId) ? (
                <Checkbox
                  className="kp-row-check"
                  label={`${t('admin.select')} ${item.user.displayName}`}
                  checked={allMatching || selected.has(item.id)}
                  onCheckedChanged={(e) => toggle(item, e.detail.value)}
                />
              ) : null
            }
          </GridColumn>
        )}
        <GridColumn headerRenderer={sortHeader('NAME', t('admin.col.name'))} flexGrow={2}>
          {({ item }: { item: UserRow }) => <Link to={`/beheer/gebruiker/${item.id}`}>{item.user.displayName}</Link>}
        </GridColumn>
        <GridColumn header={t('admin.col.username')} flexGrow={2}>
          {({ item }: { item: UserRow }) => <span>{item.user.username}</span>}
        </GridColumn>
        <GridColumn headerRenderer={sortHeader('GRADE_YEAR', t('admin.col.gradeYear'))} width="8rem" flexGrow={0}>
          {({ item }: { item: UserRow }) => <span>{item.user.__typename === 'Student' ? item.user.gradeYear : ''}</span>}
        </GridColumn>
        <GridColumn headerRenderer={sortHeader('ROLE', t('admin.col.roles'))} flexGrow={1}>
          {({ item }: { item: UserRow }) => (
            <span className="kp-badges">
              {item.roles.map((r) => (
                <span key={r} className={`kp-badge kp-badge-${r.toLowerCase()}`}>
                  {t(`role.${r}` as MessageKey)}
                </span>
              ))}
            </span>
          )}
        </GridColumn>
        <GridColumn header={t('admin.col.products')} flexGrow={2}>
          {({ item }: { item: UserRow }) => (
            <span className="kp-badges">
              {item.products.map((p) => (
                <span key={p.id} className="kp-badge">
                  {p.name}
                </span>
              ))}
            </span>
          )}
        </GridColumn>
      </Grid>

      <nav className="kp-pager" aria-label={t('admin.paging')}>
        <Button disabled={cursors.length === 1 || loading} onClick={() => setCursors((c) => c.slice(0, -1))}>
          {t('admin.previous')}
        </Button>
        <span aria-live="polite">
          {total === 0
            ? t(archived ? 'admin.archiveEmpty' : 'admin.noUsers')
            : `${firstIndex + 1}–${firstIndex + rows.length} ${t('admin.of')} ${total}`}
        </span>
        <Button
          disabled={!connection?.pageInfo.hasNextPage || loading}
          onClick={() => setCursors((c) => [...c, connection?.pageInfo.endCursor ?? null])}
        >
          {t('admin.next')}
        </Button>
      </nav>

      {task && confirming && (
        <TaskConfirmation
          task={task}
          schoolId={schoolId}
          targets={async () =>
            allMatching ? allMatchingTargets() : [...selected].map((id) => selectedTargets.get(id) ?? { id, name: id })
          }
          onClose={(changed, done) => {
            setConfirming(false);
            if (changed && done) {
              setToast({
                message: `${t(`admin.task.${task}` as MessageKey)}: ${done.applied} ${t('admin.usersChanged')}`,
                batchId: done.batchId,
              });
              setTask(null);
              setSelected(new Set());
              setAllMatching(false);
              refetch();
            }
          }}
        />
      )}
      {toast && (
        <UndoToast message={toast.message} batchId={toast.batchId} onUndone={refetch} onClosed={() => setToast(null)} />
      )}
    </section>
  );
}
