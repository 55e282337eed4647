import { Link } from 'react-router';
import type { Column } from '../../../components/DataTable';
import type { UserSortField } from '../../../gql/graphql';
import { t } from '../../../i18n';
import type { UserRow } from '../../../lib/users';

/** The columns of the user overview and the archive: name (to the profile), username, grade year, roles, products. */
export function userColumns(): Column<UserRow, UserSortField>[] {
  return [
    { key: 'name', header: t('admin.col.name'), sort: 'NAME', cell: (row) => <Link to={`/beheer/gebruiker/${row.id}`}>{row.user.displayName}</Link> },
    { key: 'username', header: t('admin.col.username'), cell: (row) => row.user.username },
    { key: 'grade', header: t('admin.col.gradeYear'), sort: 'GRADE_YEAR', numeric: true, cell: (row) => (row.user.__typename === 'Student' ? row.user.gradeYear : '') },
    {
      key: 'roles',
      header: t('admin.col.roles'),
      sort: 'ROLE',
      cell: (row) => (
        <span className="kp-badges">
          {row.roles.map((r) => (
            <span key={r} className={`kp-badge kp-badge-${r.toLowerCase()}`}>
              {t(`role.${r}`)}
            </span>
          ))}
          {row.activationPending && <span className="kp-badge kp-badge-pending">{t('admin.notActivated')}</span>}
        </span>
      ),
    },
    {
      key: 'products',
      header: t('admin.col.products'),
      cell: (row) => (
        <span className="kp-badges">
          {row.products.map((p) => (
            <span key={p.id} className="kp-badge">
              {p.name}
            </span>
          ))}
        </span>
      ),
    },
  ];
}
