import { ProgressBar } from '@vaadin/react-components/ProgressBar.js';
import { useEffect, useState } from 'react';
import { RosterProgressDocument, type RosterProgressSubscription } from '../../gql/graphql';
import { dynamicText, t } from '../../i18n';
import { subscribe } from '../../lib/graphql';

export type Progress = RosterProgressSubscription['rosterProgress'];

/**
 * X4: the school's running sync or import as `Subscription.rosterProgress` reports it, while `active` (a sync, upload
 * or apply of this screen is under way); null until the first report.
 */
export function useRunProgress(schoolId: string, active: boolean): Progress | null {
  const [progress, setProgress] = useState<Progress | null>(null);
  useEffect(() => {
    if (!active || !schoolId) return undefined;
    setProgress(null);
    return subscribe(RosterProgressDocument, { schoolId }, (data) => setProgress(data.rosterProgress));
  }, [schoolId, active]);
  return active ? progress : null;
}

/** The progress bar with its phase in words; indeterminate until the first report (or while a phase has no total). */
export function RunProgressBar({ progress }: { progress: Progress | null }) {
  const text = progress
    ? (dynamicText(`bp.progress.${progress.phase}`, { done: progress.done, total: progress.total }) ?? progress.phase)
    : t('app.busy');
  const determinate = !!progress && progress.total > 0;
  return (
    <div className="kp-busy" role="status" data-testid="run-progress">
      <ProgressBar
        indeterminate={!determinate}
        min={0}
        max={determinate ? progress.total : 1}
        value={determinate ? progress.done : 0}
        aria-label={text}
      />
      <span>{text}</span>
    </div>
  );
}
