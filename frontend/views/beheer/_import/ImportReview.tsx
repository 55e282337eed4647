import { Button } from '@vaadin/react-components/Button.js';
import { Checkbox } from '@vaadin/react-components/Checkbox.js';
import { ProgressBar } from '@vaadin/react-components/ProgressBar.js';
import { useEffect, useState } from 'react';
import { Busy } from '../../../components/Busy';
import { type Column, DataTable } from '../../../components/DataTable';
import { EmptyState } from '../../../components/EmptyState';
import { FormErrors } from '../../../components/FormErrors';
import { Pager } from '../../../components/Pager';
import {
  type SpreadsheetImportConfirmMutation,
  SpreadsheetImportConfirmDocument,
  SpreadsheetImportProgressDocument,
  SpreadsheetImportReviewDocument,
  SpreadsheetImportRowUpdateDocument,
} from '../../../gql/graphql';
import { t } from '../../../i18n';
import { queryClient, useGqlMutation, useGqlQuery } from '../../../lib/data';
import { requestFailure, type ServerError } from '../../../lib/errors';
import type { ImportKind } from '../../../lib/files';
import { subscribe } from '../../../lib/graphql';
import { CellInput } from './CellInput';
import { edited, FIELDS, type ImportRow } from './fields';

const PAGE_SIZE = 50;

export type Confirmed = SpreadsheetImportConfirmMutation['spreadsheetImportConfirm'];

/**
 * Step 2B of "Meerdere" (B5, B7, X3): the uploaded rows in an editable grid, every problem on its row and cell, the
 * counts ("248 goed, 2 met fouten"), the error workbook to correct in Excel, the progress of securing the students'
 * passwords (X4), and the confirmation that creates every row or none.
 */
export function ImportReview({
  schoolId,
  importId,
  kind,
  onConfirmed,
  onOtherFile,
}: {
  schoolId: string;
  importId: string;
  kind: ImportKind;
  onConfirmed: (confirmed: Confirmed) => void;
  onOtherFile: () => void;
}) {
  const [problemsOnly, setProblemsOnly] = useState(false);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [errors, setErrors] = useState<readonly ServerError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number; preparing: boolean } | null>(null);
  const review = useGqlQuery(
    SpreadsheetImportReviewDocument,
    { schoolId, id: importId, first: PAGE_SIZE, after: cursors[cursors.length - 1], problemsOnly },
    { keepPrevious: true },
  );
  const update = useGqlMutation(SpreadsheetImportRowUpdateDocument);
  const confirm = useGqlMutation(SpreadsheetImportConfirmDocument);
  const current = review.data?.school?.spreadsheetImport;
  const preparing = current?.status === 'PREPARING';

  useEffect(() => setCursors([null]), [problemsOnly]);

  // X4: the passwords are secured in the background; the bar follows the server's steps until the import is ready
  useEffect(() => {
    if (!preparing) return undefined;
    return subscribe(SpreadsheetImportProgressDocument, { schoolId, importId }, ({ spreadsheetImportProgress: p }) => {
      setProgress({ done: p.done, total: p.total, preparing: p.status === 'PREPARING' });
      if (p.status !== 'PREPARING') void queryClient.invalidateQueries();
    });
  }, [preparing, schoolId, importId]);

  if (review.error && !current) {
    return <FormErrors messages={[requestFailure(review.error)]} />;
  }
  if (!current) {
    return <Busy />;
  }
  const rows = current ? (review.data?.school?.spreadsheetImport?.rows.edges.map((e) => e.node) ?? []) : [];
  const connection = current.rows;
  const counts = current.counts;
  const busy = update.busy || confirm.busy;
  const shownProgress = progress ?? { done: current.progress.done, total: current.progress.total, preparing };

  async function commit(row: ImportRow, field: (typeof FIELDS)[ImportKind][number], value: string) {
    setFailure(null);
    try {
      const result = (
        await update.run({ input: { schoolId, importId, rowNumber: row.rowNumber, ...edited(kind, row, field, value) } })
      ).spreadsheetImportRowUpdate;
      setErrors(result.errors);
    } catch (e) {
      setFailure(requestFailure(e));
    }
  }

  async function create() {
    setFailure(null);
    setErrors([]);
    try {
      const result = (await confirm.run({ input: { schoolId, importId } })).spreadsheetImportConfirm;
      if (result.errors.length) return setErrors(result.errors);
      onConfirmed(result);
    } catch (e) {
      setFailure(requestFailure(e));
    }
  }

  const columns: Column<ImportRow>[] = [
    {
      key: 'row',
      header: t('import.col.row'),
      numeric: true,
      cell: (row) => (
        <span className={row.problems.length ? 'kp-row-error' : undefined}>
          {row.rowNumber}
          {row.problems.length > 0 && <span className="kp-visually-hidden"> {t('import.rowHasErrors')}</span>}
        </span>
      ),
    },
    ...FIELDS[kind].map((field) => ({
      key: field,
      header: t(`import.col.${field}`),
      cell: (row: ImportRow) => (
        <CellInput
          label={t('import.cellLabel', { column: t(`import.col.${field}`), row: row.rowNumber })}
          value={row[field] ?? ''}
          problems={row.problems.filter((p) => p.field === field).map((p) => p.message)}
          disabled={confirm.busy}
          onCommit={(value) => void commit(row, field, value)}
        />
      ),
    })),
  ];
  const first = (cursors.length - 1) * PAGE_SIZE;

  return (
    <div className="kp-import-review">
      <h2>{t('import.reviewTitle')}</h2>
      <p className="kp-import-counts" role="status" aria-live="polite" data-testid="import-counts">
        {t('import.counts', { good: counts.good, withProblems: counts.withProblems })}
      </p>
      {shownProgress.preparing && shownProgress.total > 0 && (
        <div className="kp-progress" role="status">
          <ProgressBar min={0} max={shownProgress.total} value={shownProgress.done} aria-label={t('import.securing')} />
          <span>{t('import.securingProgress', { done: shownProgress.done, total: shownProgress.total })}</span>
          <span className="kp-hint">{t('import.securingHint')}</span>
        </div>
      )}
      {counts.withProblems > 0 ? (
        <p>
          {t('import.fixHint')}{' '}
          <a href={`/api/spreadsheet-imports/${importId}/errors.xlsx`} download>
            {t('import.errorWorkbook')}
          </a>
        </p>
      ) : (
        <p>{t(kind === 'STUDENTS' ? 'import.readyStudents' : 'import.readyProfessionals')}</p>
      )}
      <Checkbox label={t('import.problemsOnly')} checked={problemsOnly} onCheckedChanged={(e) => setProblemsOnly(e.detail.value)} />
      <DataTable
        label={t('import.reviewTitle')}
        className="kp-import-table"
        rows={rows}
        rowKey={(row) => row.id}
        columns={columns}
        loading={false}
        stale={review.stale}
        error={review.error}
        onRetry={() => void review.refetch()}
        empty={<EmptyState title={t('import.noProblemRows')} />}
      />
      {connection.totalCount > PAGE_SIZE && (
        <Pager
          page={cursors.length - 1}
          hasNext={connection.pageInfo.hasNextPage}
          busy={review.busy}
          onPrevious={() => setCursors((c) => c.slice(0, -1))}
          onNext={() => setCursors((c) => [...c, connection.pageInfo.endCursor ?? null])}
        >
          {t('common.pageRange', { first: first + 1, last: first + rows.length, total: connection.totalCount })}
        </Pager>
      )}
      <FormErrors errors={errors} messages={failure ? [failure] : []} />
      {confirm.busy && <Busy label={t('import.confirming')} />}
      <div className="kp-buttons">
        <Button disabled={busy} onClick={onOtherFile}>
          {t('import.otherFile')}
        </Button>
        {/* while passwords are still secured the confirmation would wait for them, longer than a request may take */}
        <Button
          theme="primary"
          disabled={busy || shownProgress.preparing || counts.withProblems > 0 || counts.good === 0}
          onClick={() => void create()}
        >
          {t('import.confirm', { count: counts.good })}
        </Button>
      </div>
    </div>
  );
}
