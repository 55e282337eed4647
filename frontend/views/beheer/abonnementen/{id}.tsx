import type { ViewConfig } from '@vaadin/hilla-file-router/types.js';
import { Button } from '@vaadin/react-components/Button.js';
import { TextField } from '@vaadin/react-components/TextField.js';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { AdminNav } from '../../../components/AdminNav';
import { LoadFailed, Busy } from '../../../components/Busy';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { StatusText } from '../../../components/ContractStatus';
import { type Column, DataTable } from '../../../components/DataTable';
import { EmptyState } from '../../../components/EmptyState';
import { FormErrors } from '../../../components/FormErrors';
import { PageHeader } from '../../../components/PageHeader';
import { Pager } from '../../../components/Pager';
import {
  ContractDetailsDocument,
  ContractEndingCancelDocument,
  ContractEndNowDocument,
  LicenceEndingCancelDocument,
  LicenceEndNowDocument,
  type LicenceRowFragment,
} from '../../../gql/graphql';
import { t } from '../../../i18n';
import { useFormat } from '../../../i18n/format';
import { useDebounced, useGqlMutation, useGqlQuery } from '../../../lib/data';
import { useSession } from '../../../lib/session';
import { useAttempt } from '../../../lib/submit';

export const config: ViewConfig = { title: 'contracts.details' };

const PAGE = 50;

/**
 * A1–A4: one subscription: its dates (the renewal date while it renews), ending it and cancelling the ending (A2), and
 * its pupils' licences: a school-wide contract's licence ends at once (A3), a per-pupil licence stops renewing (A4);
 * both can be cancelled.
 */
export default function ContractView() {
  const { id = '' } = useParams();
  const { schoolId } = useSession();
  const format = useFormat();
  const [search, setSearch] = useState('');
  const debounced = useDebounced(search.trim(), 300);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1];
  const query = useGqlQuery(
    ContractDetailsDocument,
    { schoolId, contractId: id, first: PAGE, after, search: debounced || null },
    { enabled: !!schoolId && !!id, keepPrevious: true },
  );
  const end = useGqlMutation(ContractEndNowDocument);
  const cancel = useGqlMutation(ContractEndingCancelDocument);
  const licenceEnd = useGqlMutation(LicenceEndNowDocument);
  const licenceCancel = useGqlMutation(LicenceEndingCancelDocument);
  const { errors, failure, message, attempt } = useAttempt();
  const [confirmEnd, setConfirmEnd] = useState(false);

  const contract = query.data?.school?.contract;
  if (query.error && !contract) return <LoadFailed error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Busy />;
  if (!contract) {
    return (
      <section>
        <PageHeader id="contract-title" title={t('contracts.details')} />
        <AdminNav />
        <EmptyState title={t('contracts.notFound')} action={<Link to="/beheer/abonnementen">{t('contracts.backToList')}</Link>} />
      </section>
    );
  }
  const schoolWide = contract.kind === 'SCHOOL_WIDE';
  const running = contract.status !== 'ENDED';

  const columns: Column<LicenceRowFragment>[] = [
    { key: 'pupil', header: t('contracts.col.pupil'), cell: (l) => l.student.displayName },
    { key: 'start', header: t('contracts.col.start'), cell: (l) => format.date(l.startDate) },
    ...(schoolWide ? [] : [{ key: 'renewal', header: t('contracts.renewalDate'), cell: (l: LicenceRowFragment) => (l.renewalDate ? format.date(l.renewalDate) : '–') }]),
    { key: 'status', header: t('contracts.col.status'), cell: (l) => <StatusText status={l.status} endDate={l.endDate} /> },
    {
      key: 'actions',
      header: '',
      cell: (l) => {
        const name = l.student.displayName;
        if (l.endingCancellable) {
          return (
            <Button
              theme="tertiary"
              disabled={licenceCancel.busy}
              aria-label={t(schoolWide ? 'contracts.licence.cancelEndFor' : 'contracts.licence.cancelStopFor', { name })}
              onClick={() => void attempt(async () => (await licenceCancel.run({ input: { licenceId: l.id } })).licenceEndCancel.errors, t(schoolWide ? 'contracts.licence.endCancelled' : 'contracts.licence.stopCancelled', { name }))}
            >
              {t(schoolWide ? 'contracts.licence.cancelEnd' : 'contracts.licence.cancelStop')}
            </Button>
          );
        }
        if (l.status === 'ACTIVE' && running) {
          return (
            <Button
              theme="tertiary error"
              disabled={licenceEnd.busy}
              aria-label={t(schoolWide ? 'contracts.licence.endFor' : 'contracts.licence.stopFor', { name })}
              onClick={() => void attempt(async () => (await licenceEnd.run({ input: { licenceId: l.id } })).licenceEnd.errors, t(schoolWide ? 'contracts.licence.ended' : 'contracts.licence.stopped', { name }))}
            >
              {t(schoolWide ? 'contracts.licence.end' : 'contracts.licence.stop')}
            </Button>
          );
        }
        return null;
      },
    },
  ];

  return (
    <section aria-labelledby="contract-title">
      <PageHeader id="contract-title" title={`${contract.product.name} · ${contract.name}`}>
        {contract.status === 'ACTIVE' && (
          <Button theme="error" disabled={end.busy} onClick={() => setConfirmEnd(true)}>
            {t('contracts.end')}
          </Button>
        )}
        {contract.endingCancellable && (
          <Button
            disabled={cancel.busy}
            onClick={() => void attempt(async () => (await cancel.run({ input: { contractId: contract.id } })).contractEndCancel.errors, t('contracts.endCancelled'))}
          >
            {t('contracts.cancelEnd')}
          </Button>
        )}
      </PageHeader>
      <AdminNav />
      <p>
        <Link to="/beheer/abonnementen">{t('contracts.backToList')}</Link>
      </p>
      <dl className="kp-details">
        <dt>{t('contracts.col.kind')}</dt>
        <dd>{t(schoolWide ? 'contracts.kind.schoolWide' : 'contracts.kind.perStudent')}</dd>
        <dt>{t('contracts.col.licences')}</dt>
        <dd>{t('contracts.inUseOf', { inUse: contract.licencesInUse, seats: contract.seats })}</dd>
        <dt>{t('contracts.col.start')}</dt>
        <dd>{format.date(contract.startDate)}</dd>
        <dt>{t('contracts.renewalDate')}</dt>
        <dd data-testid="renewal-date">{contract.renewalDate ? format.date(contract.renewalDate) : '–'}</dd>
        <dt>{t('contracts.col.status')}</dt>
        <dd data-testid="contract-status">
          <StatusText status={contract.status} endDate={contract.endDate} />
        </dd>
      </dl>
      <FormErrors errors={errors} messages={failure ? [failure] : []} />
      {message && <p role="status">{message}</p>}
      <h2>{t('contracts.licences')}</h2>
      <p>{t(schoolWide ? 'contracts.licences.schoolWideHint' : 'contracts.licences.perStudentHint')}</p>
      <div className="kp-filters">
        <TextField label={t('contracts.search')} value={search} clearButtonVisible onValueChanged={(e) => { setSearch(e.detail.value); setCursors([null]); }} />
      </div>
      <DataTable
        label={t('contracts.licences')}
        rows={contract.licences.edges.map((e) => e.node)}
        rowKey={(l) => l.id}
        columns={columns}
        stale={query.stale}
        error={query.error}
        onRetry={() => void query.refetch()}
        empty={<EmptyState title={t(debounced ? 'contracts.licences.noneFound' : 'contracts.licences.empty')} />}
      />
      {(cursors.length > 1 || contract.licences.pageInfo.hasNextPage) && (
        <Pager
          page={cursors.length - 1}
          hasNext={!!contract.licences.pageInfo.hasNextPage}
          busy={query.busy}
          onPrevious={() => setCursors((cs) => cs.slice(0, -1))}
          onNext={() => setCursors((cs) => [...cs, contract.licences.pageInfo.endCursor ?? null])}
        />
      )}
      <ConfirmDialog
        opened={confirmEnd}
        title={t('contracts.endTitle')}
        confirmText={t('contracts.end')}
        danger
        busy={end.busy}
        onCancel={() => setConfirmEnd(false)}
        onConfirm={() => {
          setConfirmEnd(false);
          void attempt(async () => (await end.run({ input: { contractId: contract.id } })).contractEnd.errors, t('contracts.endedMessage'));
        }}
      >
        {t('contracts.endQuestion', { date: contract.renewalDate ? format.date(contract.renewalDate) : '' })}
      </ConfirmDialog>
    </section>
  );
}
