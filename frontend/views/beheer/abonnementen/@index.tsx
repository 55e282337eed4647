import type { ViewConfig } from '@vaadin/hilla-file-router/types.js';
import { useState } from 'react';
import { Link } from 'react-router';
import { AdminNav, type MenuDetail } from '../../../components/AdminNav';
import { StatusText } from '../../../components/ContractStatus';
import { type Column, DataTable } from '../../../components/DataTable';
import { EmptyState } from '../../../components/EmptyState';
import { PageHeader } from '../../../components/PageHeader';
import { Pager } from '../../../components/Pager';
import { type ContractRowFragment, ContractsDocument } from '../../../gql/graphql';
import { t } from '../../../i18n';
import { useFormat } from '../../../i18n/format';
import { useGqlQuery } from '../../../lib/data';
import { useSession } from '../../../lib/session';

export const config: ViewConfig<MenuDetail> = { title: 'contracts.title', menu: { order: 15 }, detail: { admin: true } };

const PAGE = 50;

/** A1: the school's subscriptions: product, kind, licences in use of total, start date and status. */
export default function ContractsView() {
  const { schoolId } = useSession();
  const format = useFormat();
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1];
  const query = useGqlQuery(ContractsDocument, { schoolId, first: PAGE, after }, { enabled: !!schoolId, keepPrevious: true });
  const connection = query.data?.school?.contracts;

  const columns: Column<ContractRowFragment>[] = [
    {
      key: 'product',
      header: t('contracts.col.product'),
      cell: (c) => (
        <Link to={`/beheer/abonnementen/${encodeURIComponent(c.id)}`}>
          {c.product.name}
          <span className="kp-secondary"> · {c.name}</span>
        </Link>
      ),
    },
    { key: 'kind', header: t('contracts.col.kind'), cell: (c) => t(c.kind === 'SCHOOL_WIDE' ? 'contracts.kind.schoolWide' : 'contracts.kind.perStudent') },
    {
      key: 'licences',
      header: t('contracts.col.licences'),
      numeric: true,
      cell: (c) => t('contracts.inUseOf', { inUse: c.licencesInUse, seats: c.seats }),
    },
    { key: 'start', header: t('contracts.col.start'), cell: (c) => format.date(c.startDate) },
    { key: 'status', header: t('contracts.col.status'), cell: (c) => <StatusText status={c.status} endDate={c.endDate} /> },
  ];

  return (
    <section aria-labelledby="contracts-title">
      <PageHeader id="contracts-title" title={t('contracts.title')} />
      <AdminNav />
      <p>{t('contracts.explanation')}</p>
      <DataTable
        label={t('contracts.title')}
        rows={connection?.edges.map((e) => e.node) ?? []}
        rowKey={(c) => c.id}
        columns={columns}
        loading={query.isPending}
        stale={query.stale}
        error={query.error}
        onRetry={() => void query.refetch()}
        empty={<EmptyState title={t('contracts.empty')} hint={t('contracts.emptyHint')} />}
      />
      {(cursors.length > 1 || connection?.pageInfo.hasNextPage) && (
        <Pager
          page={cursors.length - 1}
          hasNext={!!connection?.pageInfo.hasNextPage}
          busy={query.busy}
          onPrevious={() => setCursors((cs) => cs.slice(0, -1))}
          onNext={() => setCursors((cs) => [...cs, connection?.pageInfo.endCursor ?? null])}
        />
      )}
    </section>
  );
}
