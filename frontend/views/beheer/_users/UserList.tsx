import { Button } from '@vaadin/react-components/Button.js';
import { MenuBar, type MenuBarItem } from '@vaadin/react-components/MenuBar.js';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { AdminNav } from '../../../components/AdminNav';
import { DataTable } from '../../../components/DataTable';
import { EmptyState } from '../../../components/EmptyState';
import { PageHeader } from '../../../components/PageHeader';
import { Pager } from '../../../components/Pager';
import { UndoToast } from '../../../components/UndoAction';
import { t } from '../../../i18n';
import { nextSort } from '../../../components/SortHeader';
import { useSession } from '../../../lib/session';
import { ACTIVE_TASKS, type AdminTask, ARCHIVE_TASKS, appliesTo, toTarget } from '../../../lib/users';
import { TaskDialog } from '../_task/TaskDialog';
import { TaskBar } from './TaskBar';
import { userColumns } from './columns';
import { UserFilters } from './UserFilters';
import { useSelection } from './useSelection';
import { PAGE_SIZE, useUserQuery } from './useUserQuery';

/**
 * B3 user overview (or, with `archived`, the B9 archive): server-side paging, search, filters and sorting, and the
 * bulk tasks of "Kies een beheertaak" (B8, B10–B14) with their selection, task bar and dialog.
 */
export function UserList({ archived }: { archived: boolean }) {
  const { viewer, schoolId, hasRole } = useSession();
  const navigate = useNavigate();
  const isAdmin = hasRole('ADMIN');
  const users = useUserQuery(schoolId, archived, isAdmin);
  const selection = useSelection();
  const [task, setTask] = useState<AdminTask | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [toast, setToast] = useState<{ message: string; batchId: string | null } | null>(null);
  const title = t(archived ? 'admin.archive' : 'admin.title');
  const myId = viewer.user.id;

  if (!isAdmin) {
    return <EmptyState title={t('admin.adminsOnly')} />;
  }
  const stop = () => {
    setTask(null);
    selection.clear();
  };
  const taskMenu: MenuBarItem[] = [
    {
      text: t('admin.chooseTask'),
      children: (archived ? ARCHIVE_TASKS : ACTIVE_TASKS).map((task) => ({ text: t(`admin.task.${task}`), task }) as MenuBarItem),
    },
  ];
  const first = users.page * PAGE_SIZE;
  const empty = users.filtered ? (
    <EmptyState title={t(archived ? 'admin.empty.searchArchive' : 'admin.empty.search')} hint={t('admin.empty.searchHint', { place: archived ? 'overview' : 'archive' })} />
  ) : (
    <EmptyState title={t(archived ? 'admin.empty.archive' : 'admin.empty.overview')} hint={t(archived ? 'admin.empty.archiveHint' : 'admin.empty.overviewHint')} />
  );

  return (
    <section aria-labelledby="admin-title" className="kp-admin">
      <PageHeader id="admin-title" title={title}>
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
              selection.clear();
            }
          }}
        />
      </PageHeader>
      <AdminNav />
      <UserFilters schoolId={schoolId} filters={users.filters} onChange={(change) => { users.setFilter(change); selection.clear(); }} />
      {task && (
        <TaskBar
          task={task}
          schoolId={schoolId}
          archived={archived}
          filter={users.filter}
          myId={myId}
          seen={users.rows.map(toTarget)}
          selection={selection}
          onContinue={() => setConfirming(true)}
          onCancel={stop}
        />
      )}
      <DataTable
        label={title}
        className="kp-users-table"
        rows={users.rows}
        rowKey={(row) => row.id}
        columns={userColumns()}
        sort={users.sort}
        onSort={(field) => users.setSort((s) => nextSort(s, field))}
        selection={
          task
            ? {
                applies: (row) => appliesTo(task, row, myId),
                selected: (row) => selection.has(row.id),
                toggle: (row, on) => selection.toggle(toTarget(row), on),
                label: (row) => t('admin.selectUser', { name: row.user.displayName }),
              }
            : undefined
        }
        loading={!users.connection}
        stale={users.query.stale}
        error={users.query.error}
        onRetry={() => void users.query.refetch()}
        empty={empty}
      />
      {users.connection && users.total > 0 && (
        <Pager page={users.page} hasNext={users.connection.pageInfo.hasNextPage} busy={users.query.busy} onPrevious={users.previous} onNext={users.next}>
          {t('common.pageRange', { first: first + 1, last: first + users.rows.length, total: users.total })}
        </Pager>
      )}
      {task && confirming && (
        <TaskDialog
          task={task}
          schoolId={schoolId}
          archived={archived}
          ids={[...selection.ids]}
          known={selection.known}
          onClose={(done) => {
            setConfirming(false);
            if (done) {
              setToast({ message: t('admin.usersChanged', { task: t(`admin.task.${task}`), count: done.applied }), batchId: done.batchId });
              stop();
            }
          }}
        />
      )}
      {toast && <UndoToast message={toast.message} batchId={toast.batchId} onClosed={() => setToast(null)} />}
    </section>
  );
}
