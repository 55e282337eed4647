import { Button } from '@vaadin/react-components/Button.js';
import { Checkbox } from '@vaadin/react-components/Checkbox.js';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { type Column, DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { FormErrors } from '../../components/FormErrors';
import { Pager } from '../../components/Pager';
import {
  type ChangePageFragment,
  RosterChangesDecideDocument,
  type RosterDecision,
  RosterRunApplyDocument,
  RosterRunDiscardDocument,
  RosterRunDocument,
  type RunSummaryFragment,
} from '../../gql/graphql';
import { t } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { useGqlMutation, useGqlQuery } from '../../lib/data';
import { useAttempt } from '../../lib/submit';
import { type Progress, RunProgressBar } from './progress';

const PAGE = 50;
type Change = ChangePageFragment['edges'][number]['node'];

/**
 * One run: its report (when, source, counts, who started and applied it, why it was held, the file's errors per line)
 * and its changes, paged. An open run (a preview, or a nightly run held by the threshold) is reviewed here per change or
 * all at once, with or without overriding local edits (X11), then applied in one transaction or discarded (X2).
 */
export function RunDetail({
  schoolId,
  runId,
  onApplying,
  progress,
  onClose,
}: {
  schoolId: string;
  runId: string;
  /** An apply or discard of this run starts (true) or ends (false). */
  onApplying: (busy: boolean) => void;
  /** While this run is applied: its progress (shown next to the buttons, where the admin clicked). */
  progress?: Progress | null;
  onClose?: () => void;
}) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1];
  const query = useGqlQuery(RosterRunDocument, { schoolId, runId, first: PAGE, after }, { keepPrevious: true });
  const apply = useGqlMutation(RosterRunApplyDocument);
  const discard = useGqlMutation(RosterRunDiscardDocument);
  const decide = useGqlMutation(RosterChangesDecideDocument);
  const [overrideLocal, setOverrideLocal] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const { errors, failure, message, attempt } = useAttempt();

  const run = query.data?.school?.rosterRun;
  const open = run?.status === 'PREVIEW' || run?.status === 'HELD';

  const decideOn = (changeIds: string[] | null, decision: RosterDecision) =>
    attempt(async () => (await decide.run({ input: { runId, changeIds, decision, overrideLocal } })).rosterChangesDecide.errors);

  async function applyRun() {
    setConfirming(false);
    onApplying(true);
    try {
      await attempt(async () => (await apply.run({ input: { runId } })).rosterRunApply.errors, t('bp.applied'));
    } finally {
      onApplying(false);
    }
  }

  if (!run) {
    return <DataTable label={t('bp.changes')} rows={[]} rowKey={() => ''} columns={[]} loading={query.isPending} error={query.error} onRetry={() => void query.refetch()} />;
  }

  const changes = run.changes.edges.map((e) => e.node);
  const columns: Column<Change>[] = [
    {
      key: 'who',
      header: t('bp.col.who'),
      cell: (c) => (
        <>
          <span className="kp-hint">{t(`bp.subject.${c.subject}`)}</span> {c.label}
          {c.localEdit && <span className="kp-badge"> {t('bp.localEdit')}</span>}
          {c.blocked && <span className="kp-badge"> {t('bp.blocked')}</span>}
        </>
      ),
    },
    { key: 'action', header: t('bp.col.action'), cell: (c) => t(`bp.action.${c.action}`) },
    {
      key: 'fields',
      header: t('bp.col.fields'),
      cell: (c) =>
        c.fields.length ? (
          <>
            <ul className="kp-fields">
              {c.fields.map((f) => (
                <li key={f.field}>
                  {f.label}: {f.before ?? t('common.none')} → {f.after ?? t('common.none')}
                  {f.localEdit && <em> ({t('bp.localEdit')})</em>}
                </li>
              ))}
            </ul>
            {c.newLogin && (
              <p className="kp-notice" data-testid="new-login">
                {c.subject === 'STUDENT'
                  ? run.status === 'APPLIED'
                    ? t('bp.newUsername.sent')
                    : t('bp.newUsername.pending')
                  : run.status === 'APPLIED'
                    ? t('bp.newLogin.sent')
                    : t('bp.newLogin.pending')}
              </p>
            )}
          </>
        ) : (
          t('common.none')
        ),
    },
    { key: 'reason', header: t('bp.col.reason'), cell: (c) => c.reason },
    {
      key: 'decision',
      header: t('bp.col.decision'),
      cell: (c) =>
        open && !c.blocked ? (
          <span className="kp-badges">
            <Button
              theme={c.decision === 'ACCEPTED' ? 'primary small' : 'tertiary small'}
              aria-pressed={c.decision === 'ACCEPTED' ? 'true' : 'false'}
              aria-label={`${t('bp.accept')}: ${c.label}`}
              disabled={decide.busy}
              onClick={() => void decideOn([c.id], 'ACCEPTED')}
            >
              {t('bp.accept')}
            </Button>
            <Button
              theme={c.decision === 'REJECTED' ? 'primary error small' : 'tertiary error small'}
              aria-pressed={c.decision === 'REJECTED' ? 'true' : 'false'}
              aria-label={`${t('bp.reject')}: ${c.label}`}
              disabled={decide.busy}
              onClick={() => void decideOn([c.id], 'REJECTED')}
            >
              {t('bp.reject')}
            </Button>
          </span>
        ) : (
          t(`bp.decision.${c.decision}`)
        ),
    },
  ];

  const counts = run.counts;
  return (
    <div className="kp-run" data-testid="run-detail" data-status={run.status}>
      <RunReport run={run} />
      {open && (
        <>
          <p className="kp-notice" role="status">
            <strong>{run.status === 'HELD' ? t('bp.openHeld') : t('bp.openPreview')}</strong>
            {run.status === 'HELD' && <> {t('bp.openHeldExplanation')}</>}
          </p>
          <div className="kp-buttons">
            <Checkbox
              label={t('bp.overrideLocal')}
              helperText={t('bp.overrideLocalHelp')}
              checked={overrideLocal}
              onCheckedChanged={(e) => setOverrideLocal(e.detail.value)}
            />
            <Button disabled={decide.busy} onClick={() => void decideOn(null, 'ACCEPTED')}>
              {t('bp.acceptAll')}
            </Button>
            <Button theme="error" disabled={decide.busy} onClick={() => void decideOn(null, 'REJECTED')}>
              {t('bp.rejectAll')}
            </Button>
          </div>
        </>
      )}
      <h3>{t('bp.changes')}</h3>
      <DataTable
        label={t('bp.changes')}
        rows={changes}
        rowKey={(c) => c.id}
        columns={columns}
        loading={query.isPending}
        stale={query.stale}
        error={query.error}
        onRetry={() => void query.refetch()}
        empty={<EmptyState title={run.status === 'UNCHANGED' ? t('bp.unchanged') : t('bp.noChanges')} />}
      />
      {run.changes.totalCount > PAGE && (
        <Pager
          page={cursors.length - 1}
          hasNext={run.changes.pageInfo.hasNextPage}
          busy={query.busy}
          onPrevious={() => setCursors((c) => c.slice(0, -1))}
          onNext={() => setCursors((c) => [...c, run.changes.pageInfo.endCursor ?? null])}
        >
          {t('common.pageRange', {
            first: (cursors.length - 1) * PAGE + 1,
            last: (cursors.length - 1) * PAGE + changes.length,
            total: run.changes.totalCount,
          })}
        </Pager>
      )}
      <FormErrors errors={errors} messages={failure ? [failure] : []} />
      {message && <p role="status">{message}</p>}
      {progress !== undefined && <RunProgressBar progress={progress} />}
      <div className="kp-buttons">
        {open && (
          <>
            <Button theme="primary" data-testid="apply" disabled={apply.busy} onClick={() => setConfirming(true)}>
              {t('bp.apply')}
            </Button>
            <Button
              disabled={discard.busy}
              onClick={() => {
                onApplying(true);
                void attempt(async () => (await discard.run({ input: { runId } })).rosterRunDiscard.errors, t('bp.discarded'))
                  .finally(() => onApplying(false));
              }}
            >
              {t('bp.discard')}
            </Button>
          </>
        )}
        {onClose && <Button onClick={onClose}>{t('bp.hide')}</Button>}
      </div>
      <ConfirmDialog
        opened={confirming}
        title={t('bp.applyTitle')}
        confirmText={t('bp.apply')}
        busy={apply.busy}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void applyRun()}
      >
        {t('bp.applyQuestion', {
          created: counts.studentsCreated + counts.teachersCreated + counts.groupsCreated + counts.studentsRestored + counts.studentsMoved + counts.teachersJoined,
          changed: counts.studentsChanged + counts.teachersChanged + counts.groupsChanged,
          archived: counts.studentsArchived + counts.teachersArchived + counts.groupsArchived,
        })}
      </ConfirmDialog>
    </div>
  );
}

/** A run's report: when, source, status, counts, who; why it was held or failed; a refused file's errors per line. */
export function RunReport({ run }: { run: RunSummaryFragment }) {
  const format = useFormat();
  const c = run.counts;
  return (
    <div className="kp-summary">
      <p>
        <strong>{t('bp.report', { when: format.dateTime(run.startedAt) })}</strong> — {sourceText(run)} —{' '}
        <span data-testid="run-status">{t(`bp.status.${run.status}`)}</span>
      </p>
      <p>
        {t('bp.counts', {
          sc: c.studentsCreated + c.studentsMoved,
          sx: c.studentsChanged,
          sa: c.studentsArchived,
          sr: c.studentsRestored,
          tc: c.teachersCreated + c.teachersJoined,
          tx: c.teachersChanged,
          ta: c.teachersArchived,
          gc: c.groupsCreated,
          gx: c.groupsChanged,
          ga: c.groupsArchived,
        })}
        {c.skipped > 0 && <> {t('bp.skipped', { count: c.skipped })}</>}
      </p>
      {run.requestedBy && <p className="kp-hint">{t('bp.requestedBy', { name: run.requestedBy.displayName })}</p>}
      {run.approvedBy && <p className="kp-hint">{t('bp.approvedBy', { name: run.approvedBy.displayName })}</p>}
      {run.holdReasons.map((h) => (
        <p key={h.code} className="kp-notice">
          {h.message}
        </p>
      ))}
      {run.failureMessage && (
        <p role="alert" className="kp-error">
          {run.failureMessage}
        </p>
      )}
      {run.errors.length > 0 && (
        <div role="alert" data-testid="file-errors">
          <h3>{t('bp.fileErrors')}</h3>
          <ul>
            {run.errors.map((e, i) => (
              <li key={i} className="kp-error">
                {t('bp.lineError', { line: e.line, message: e.message })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

export function sourceText(run: RunSummaryFragment): string {
  const source = run.source === 'EDEXML' ? t('bp.source.EDEXML', { file: run.fileName ?? '' }) : t('bp.source.BASISPOORT');
  return `${source} (${t(`bp.trigger.${run.trigger}`)})`;
}
