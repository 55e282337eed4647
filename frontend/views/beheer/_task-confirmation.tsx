import { Button } from '@vaadin/react-components/Button.js';
import { Checkbox } from '@vaadin/react-components/Checkbox.js';
import { Dialog } from '@vaadin/react-components/Dialog.js';
import { CheckboxGroup } from '@vaadin/react-components/CheckboxGroup.js';
import { Select } from '@vaadin/react-components/Select.js';
import { useState } from 'react';
import {
  ActionResultFragment,
  AdminErrorFragment,
  ProfessionalsLinkDocument,
  type Role,
  RolesRemoveDocument,
  SchoolPickersDocument,
  StudentsGradeYearChangeDocument,
  StudentsLinkDocument,
  UsersArchiveDocument,
  UsersDearchiveDocument,
} from '../../gql/graphql';
import { execute, useQuery } from '../../lib/graphql';
import { type MessageKey, useI18n } from '../../lib/i18n';
import type { AdminTask } from '../../lib/users';

export interface Target {
  id: string;
  name: string;
  roles?: readonly string[];
}

interface Outcome {
  batchId?: string | null;
  results: readonly ActionResultFragment[];
  errors: readonly AdminErrorFragment[];
}

interface LinkRow {
  productId: string;
  supervisorIds: string[];
}

/** Runs a bulk task: its parameters, then a dry run showing per user what will happen (and what is refused, and why),
 * then the real change, all or nothing, with "Ongedaan maken" afterwards (X5). */
export function TaskConfirmation({
  task,
  schoolId,
  targets,
  onClose,
}: {
  task: AdminTask;
  schoolId: string;
  targets: () => Promise<Target[]>;
  onClose: (changed: boolean, done?: { batchId: string | null; applied: number }) => void;
}) {
  const { t } = useI18n();
  const pickers = useQuery(SchoolPickersDocument, { schoolId });
  const [users, setUsers] = useState<Target[] | null>(null);
  const [preview, setPreview] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [roles, setRoles] = useState<Role[]>([]);
  const [productIds, setProductIds] = useState<string[]>([]);
  const [links, setLinks] = useState<LinkRow[]>([{ productId: '', supervisorIds: [] }]);

  const products = pickers.data?.school?.products ?? [];
  const supervisors = pickers.data?.school?.supervisors ?? [];
  const needsRoles = task === 'linkProfessionals' || task === 'removeRoles';
  const needsLinks = task === 'linkStudents';

  async function run(ids: string[], dryRun: boolean): Promise<Outcome> {
    switch (task) {
      case 'archive':
        return (await execute(UsersArchiveDocument, { input: { schoolId, userIds: ids, dryRun } })).usersArchive;
      case 'dearchive':
        return (await execute(UsersDearchiveDocument, { input: { schoolId, userIds: ids, dryRun } })).usersDearchive;
      case 'linkStudents':
        return (
          await execute(StudentsLinkDocument, {
            input: { schoolId, studentIds: ids, links: links.filter((l) => l.productId), dryRun },
          })
        ).studentsLink;
      case 'linkProfessionals':
        return (
          await execute(ProfessionalsLinkDocument, { input: { schoolId, userIds: ids, roles, productIds, dryRun } })
        ).professionalsLink;
      case 'removeRoles':
        return (await execute(RolesRemoveDocument, { input: { schoolId, userIds: ids, roles, dryRun } })).rolesRemove;
      case 'gradeUp':
      case 'gradeDown':
        return (
          await execute(StudentsGradeYearChangeDocument, {
            input: { schoolId, studentIds: ids, step: task === 'gradeUp' ? 'UP' : 'DOWN', dryRun },
          })
        ).studentsGradeYearChange;
    }
  }

  const [failure, setFailure] = useState<string | null>(null);

  async function check() {
    setBusy(true);
    setFailure(null);
    try {
      const chosen = users ?? (await targets());
      setUsers(chosen);
      setPreview(await run(chosen.map((u) => u.id), true));
    } catch (e) {
      setFailure(`${t('common.error')} ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  }

  async function confirm() {
    if (!users) return;
    setBusy(true);
    setFailure(null);
    try {
      const outcome = await run(users.map((u) => u.id), false);
      if (outcome.errors.length > 0) {
        setPreview(outcome);
        return;
      }
      const applied = outcome.results.filter((r) => r.status === 'APPLIED').length;
      onClose(true, { batchId: outcome.batchId ?? null, applied });
    } catch (e) {
      setFailure(`${t('common.error')} ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  }

  const names = new Map(users?.map((u) => [u.id, u.name]));
  const refused = preview?.results.filter((r) => r.status === 'REFUSED') ?? [];
  const generalErrors = preview?.errors.filter((e) => !e.itemId) ?? [];

  return (
    <Dialog
      opened
      headerTitle={t(`admin.task.${task}` as MessageKey)}
      onOpenedChanged={(e) => !e.detail.value && onClose(false)}
      footerRenderer={() => (
        <>
          <Button onClick={() => onClose(false)}>{t('common.cancel')}</Button>
          {!preview || preview.errors.length > 0 ? (
            <Button theme="primary" disabled={busy} onClick={() => void check()}>
              {t('admin.check')}
            </Button>
          ) : (
            <Button theme="primary" disabled={busy} onClick={() => void confirm()}>
              {t('admin.confirm')}
            </Button>
          )}
        </>
      )}
    >
      <div className="kp-task-form">
        {needsRoles && (
          <fieldset>
            <legend>{t('admin.roles')}</legend>
            {(['ADMIN', 'SUPERVISOR'] as Role[]).map((role) => (
              <Checkbox
                key={role}
                label={t(`role.${role}` as MessageKey)}
                checked={roles.includes(role)}
                onCheckedChanged={(e) => {
                  setPreview(null);
                  setRoles((rs) => (e.detail.value ? [...new Set([...rs, role])] : rs.filter((r) => r !== role)));
                }}
              />
            ))}
          </fieldset>
        )}
        {task === 'linkProfessionals' && (
          <CheckboxGroup
            label={t('admin.productsForSupervisors')}
            value={productIds}
            onValueChanged={(e) => {
              setPreview(null);
              setProductIds(e.detail.value);
            }}
          >
            {products.map((p) => (
              <Checkbox key={p.id} value={p.id} label={p.name} />
            ))}
          </CheckboxGroup>
        )}
        {needsLinks &&
          links.map((link, index) => (
            <div className="kp-link-row" key={index} role="group" aria-label={`${t('admin.link')} ${index + 1}`}>
              <Select
                label={t('admin.filter.product')}
                value={link.productId}
                items={products.map((p) => ({ label: p.name, value: p.id }))}
                onValueChanged={(e) => {
                  setPreview(null);
                  setLinks((ls) => ls.map((l, i) => (i === index ? { ...l, productId: e.detail.value } : l)));
                }}
              />
              <CheckboxGroup
                label={t('admin.supervisors')}
                value={link.supervisorIds}
                onValueChanged={(e) => {
                  setPreview(null);
                  const ids = e.detail.value;
                  setLinks((ls) => ls.map((l, i) => (i === index ? { ...l, supervisorIds: ids } : l)));
                }}
              >
                {supervisors.map((s) => (
                  <Checkbox key={s.id} value={s.id} label={s.displayName} />
                ))}
              </CheckboxGroup>
            </div>
          ))}
        {needsLinks && (
          <Button theme="tertiary" onClick={() => setLinks((ls) => [...ls, { productId: '', supervisorIds: [] }])}>
            {t('admin.addLink')}
          </Button>
        )}

        {failure && (
          <p role="alert" className="kp-error">
            {failure}
          </p>
        )}
        {preview && (
          <div className="kp-preview" role="status">
            <p>
              {preview.results.filter((r) => r.status === 'APPLIED').length} {t('admin.willChange')},{' '}
              {preview.results.filter((r) => r.status === 'UNCHANGED').length} {t('admin.unchanged')},{' '}
              {refused.length} {t('admin.refused')}.
            </p>
            {generalErrors.map((e, i) => (
              <p key={i} role="alert" className="kp-error">
                {e.message}
              </p>
            ))}
            {refused.length > 0 && (
              <>
                <p role="alert" className="kp-error">
                  {t('admin.refusedExplanation')}
                </p>
                <ul className="kp-refused">
                  {refused.map((r) => (
                    <li key={r.userId}>
                      <strong>{names.get(r.userId) ?? r.userId}</strong>: {r.error?.message}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
      </div>
    </Dialog>
  );
}
