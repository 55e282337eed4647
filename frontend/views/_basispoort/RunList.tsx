import { Button } from '@vaadin/react-components/Button.js';
import { type Column, DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import type { RunSummaryFragment } from '../../gql/graphql';
import { t } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { sourceText } from './RunDetail';

/** X4: the school's runs, newest first, each with its counts and who applied it; "Verslag bekijken" opens its report. */
export function RunList({
  runs,
  selected,
  onSelect,
  busy,
}: {
  runs: readonly RunSummaryFragment[];
  selected: string | null;
  onSelect: (runId: string) => void;
  busy: boolean;
}) {
  const format = useFormat();
  const columns: Column<RunSummaryFragment>[] = [
    { key: 'when', header: t('bp.col.when'), cell: (r) => format.dateTime(r.startedAt) },
    { key: 'source', header: t('bp.col.source'), cell: (r) => sourceText(r) },
    { key: 'status', header: t('bp.col.status'), cell: (r) => t(`bp.status.${r.status}`) },
    {
      key: 'counts',
      header: t('bp.col.counts'),
      cell: (r) =>
        r.failureMessage ??
        t('bp.counts', {
          sc: r.counts.studentsCreated + r.counts.studentsMoved,
          sx: r.counts.studentsChanged,
          sa: r.counts.studentsArchived,
          sr: r.counts.studentsRestored,
          tc: r.counts.teachersCreated + r.counts.teachersJoined,
          tx: r.counts.teachersChanged,
          ta: r.counts.teachersArchived,
          gc: r.counts.groupsCreated,
          gx: r.counts.groupsChanged,
          ga: r.counts.groupsArchived,
        }),
    },
    { key: 'by', header: t('bp.col.by'), cell: (r) => r.approvedBy?.displayName ?? r.requestedBy?.displayName ?? t('common.none') },
    {
      key: 'show',
      header: '',
      cell: (r) => (
        <Button theme="tertiary" aria-expanded={selected === r.id} aria-label={`${selected === r.id ? t('bp.hide') : t('bp.show')}: ${format.dateTime(r.startedAt)}`} onClick={() => onSelect(r.id)}>
          {selected === r.id ? t('bp.hide') : t('bp.show')}
        </Button>
      ),
    },
  ];
  return (
    <section aria-labelledby="bp-runs">
      <h2 id="bp-runs">{t('bp.runs')}</h2>
      <DataTable
        label={t('bp.runs')}
        rows={runs}
        rowKey={(r) => r.id}
        columns={columns}
        stale={busy}
        empty={<EmptyState title={t('bp.noRuns')} hint={t('bp.noRunsHint')} />}
      />
    </section>
  );
}
