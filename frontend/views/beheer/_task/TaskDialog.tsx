import { Button } from '@vaadin/react-components/Button.js';
import { Dialog } from '@vaadin/react-components/Dialog.js';
import { useEffect, useRef, useState } from 'react';
import { Busy } from '../../../components/Busy';
import { FormErrors } from '../../../components/FormErrors';
import { SchoolPickersDocument } from '../../../gql/graphql';
import { t } from '../../../i18n';
import { useGqlQuery } from '../../../lib/data';
import { fieldErrors, requestFailure } from '../../../lib/errors';
import type { AdminTask, Target } from '../../../lib/users';
import { LinkRows, linkRowErrors } from './LinkRows';
import { RoleChoice } from './RoleChoice';
import { type Outcome, type TaskParameters, useTaskMutation } from './runTask';
import { TaskPreview } from './TaskPreview';

const SHOWN = 8;

/**
 * A bulk task (B8, B10–B14): what it does and for whom, its parameters, then "Controleren" (a dry run showing per user
 * what will happen and why some are refused), then "Bevestigen" (all or nothing), with undo afterwards (X5).
 */
export function TaskDialog({
  task,
  schoolId,
  archived,
  ids,
  known,
  onClose,
}: {
  task: AdminTask;
  schoolId: string;
  archived: boolean;
  ids: string[];
  known: ReadonlyMap<string, Target>;
  onClose: (done?: { batchId: string | null; applied: number }) => void;
}) {
  const pickers = useGqlQuery(SchoolPickersDocument, { schoolId });
  const mutation = useTaskMutation(task, schoolId);
  const [parameters, setParameters] = useState<TaskParameters>({ roles: [], productIds: [], links: [{ productId: '', supervisorIds: [] }] });
  const [checked, setChecked] = useState(false);
  const [preview, setPreview] = useState<Outcome | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const previewRef = useRef<HTMLDivElement>(null);
  const confirmRef = useRef<HTMLElement>(null);
  const products = pickers.data?.school?.products ?? [];
  const supervisors = pickers.data?.school?.supervisors ?? [];
  const ready = preview !== null && preview.errors.length === 0;

  // after "Controleren" the next action gets the focus: "Bevestigen", or the outcome when users are refused (X7)
  useEffect(() => {
    if (!preview) return undefined;
    // the footer renders after this commit: focus on the next frame
    const frame = requestAnimationFrame(() => (ready ? confirmRef.current : previewRef.current)?.focus());
    return () => cancelAnimationFrame(frame);
  }, [preview, ready]);

  const change = (next: Partial<TaskParameters>) => {
    setParameters((p) => ({ ...p, ...next }));
    setPreview(null);
  };
  const invalid =
    ((task === 'linkProfessionals' || task === 'removeRoles') && parameters.roles.length === 0 && parameters.productIds.length === 0) ||
    (task === 'linkStudents' && parameters.links.some((row) => Object.values(linkRowErrors(row)).some(Boolean)));

  async function send(dryRun: boolean) {
    setChecked(true);
    setFailure(null);
    if (invalid) return;
    try {
      const outcome = await mutation.run(ids, parameters, dryRun);
      if (dryRun || outcome.errors.length > 0) {
        setPreview(outcome);
        return;
      }
      onClose({ batchId: outcome.batchId ?? null, applied: outcome.results.filter((r) => r.status === 'APPLIED').length });
    } catch (e) {
      setFailure(requestFailure(e));
    }
  }

  const names = ids.map((id) => known.get(id)?.name).filter((n): n is string => !!n);
  const inputErrors = preview ? fieldErrors(preview.errors) : {};
  return (
    <Dialog
      opened
      headerTitle={t(`admin.task.${task}`)}
      onOpenedChanged={(e) => !e.detail.value && onClose()}
      footerRenderer={() => (
        <>
          <Button onClick={() => onClose()}>{t('common.cancel')}</Button>
          {ready ? (
            <Button theme="primary" ref={confirmRef as never} disabled={mutation.busy} onClick={() => void send(false)}>
              {t('admin.confirm')}
            </Button>
          ) : (
            <Button theme="primary" disabled={mutation.busy} onClick={() => void send(true)}>
              {t('admin.check')}
            </Button>
          )}
        </>
      )}
    >
      <div className="kp-task-form">
        <p>{t(`admin.task.explain.${task}`)}</p>
        {archived && task !== 'dearchive' && <p className="kp-notice">{t('admin.task.dearchivedNotice')}</p>}
        <section className="kp-task-targets" aria-label={t('admin.selection', { count: ids.length })}>
          <h3>{t('admin.selection', { count: ids.length })}</h3>
          <p>
            {names.slice(0, SHOWN).join(', ')}
            {ids.length > Math.min(SHOWN, names.length) && ` ${t('admin.selectionMore', { count: ids.length - Math.min(SHOWN, names.length) })}`}
          </p>
        </section>
        {pickers.isPending && <Busy />}
        {(task === 'linkProfessionals' || task === 'removeRoles') && (
          <RoleChoice
            task={task}
            schoolId={schoolId}
            archived={archived}
            ids={ids}
            parameters={parameters}
            products={products}
            error={checked && invalid ? t('validation.chooseRole') : inputErrors.roles}
            onChange={change}
          />
        )}
        {task === 'linkStudents' && (
          <LinkRows rows={parameters.links} products={products} supervisors={supervisors} showErrors={checked} onChange={(links) => change({ links })} />
        )}
        <FormErrors messages={failure ? [failure] : []} />
        {preview && <TaskPreview ref={previewRef} schoolId={schoolId} outcome={preview} known={known} />}
      </div>
    </Dialog>
  );
}
