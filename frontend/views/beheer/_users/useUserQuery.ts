import { useEffect, useMemo, useState } from 'react';
import type { SortState } from '../../../components/SortHeader';
import { SchoolUsersDocument, type UserFilter, type UserSortField } from '../../../gql/graphql';
import { useDebounced, useGqlQuery } from '../../../lib/data';

export const PAGE_SIZE = 50;

export interface UserFilters {
  search: string;
  role?: string;
  productId?: string;
  supervisorId?: string;
  gradeYear?: string;
}

/** The overview's (or archive's) filters, sort and keyset paging, and the page they select. */
export function useUserQuery(schoolId: string, archived: boolean, enabled: boolean) {
  const [filters, setFilters] = useState<UserFilters>({ search: '' });
  const [sort, setSort] = useState<SortState<UserSortField>>({ field: 'NAME', direction: 'ASC' });
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const search = useDebounced(filters.search, 250);
  const filter = useMemo<UserFilter>(
    () => ({
      search: search || undefined,
      role: filters.role as UserFilter['role'],
      productId: filters.productId,
      supervisorId: filters.supervisorId,
      gradeYears: filters.gradeYear ? [Number(filters.gradeYear)] : undefined,
    }),
    [search, filters.role, filters.productId, filters.supervisorId, filters.gradeYear],
  );
  // a new school, filter or sort starts at the first page
  useEffect(() => setCursors([null]), [schoolId, filter, sort, archived]);

  const query = useGqlQuery(
    SchoolUsersDocument,
    { schoolId, archived, first: PAGE_SIZE, after: cursors[cursors.length - 1], filter, sort, withTotal: true },
    { enabled, keepPrevious: true },
  );
  const connection = query.data?.school?.active ?? query.data?.school?.archived;
  return {
    query,
    filters,
    setFilter: (change: Partial<UserFilters>) => setFilters((f) => ({ ...f, ...change })),
    filter,
    filtered: !!(filter.search || filter.role || filter.productId || filter.supervisorId || filter.gradeYears),
    sort,
    setSort,
    rows: connection?.edges.map((e) => e.node) ?? [],
    total: connection?.totalCount ?? 0,
    connection,
    page: cursors.length - 1,
    previous: () => setCursors((c) => c.slice(0, -1)),
    next: () => setCursors((c) => [...c, connection?.pageInfo.endCursor ?? null]),
  };
}
