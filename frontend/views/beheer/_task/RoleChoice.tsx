import { Checkbox } from '@vaadin/react-components/Checkbox.js';
import { CheckboxGroup } from '@vaadin/react-components/CheckboxGroup.js';
import { fieldError } from '../../../components/FormErrors';
import { type Role, SchoolUserIdsDocument } from '../../../gql/graphql';
import { t } from '../../../i18n';
import { useGqlQuery } from '../../../lib/data';
import type { AdminTask } from '../../../lib/users';
import type { TaskParameters } from './runTask';

const ROLES = ['ADMIN', 'SUPERVISOR'] as const;

/** How many of the selected users hold the role already (B11: "roles already held are marked"). */
function useHeld(schoolId: string, archived: boolean, ids: readonly string[], role: (typeof ROLES)[number]): number {
  const query = useGqlQuery(SchoolUserIdsDocument, { schoolId, archived, filter: { kind: 'PROFESSIONAL', role } });
  const holders = new Set(query.data?.school?.userIds ?? []);
  return ids.filter((id) => holders.has(id)).length;
}

/** The roles to add or remove (B11, B13), each marked with how many already hold it; products for supervisors. */
export function RoleChoice({
  task,
  schoolId,
  archived,
  ids,
  parameters,
  products,
  error,
  onChange,
}: {
  task: AdminTask;
  schoolId: string;
  archived: boolean;
  ids: readonly string[];
  parameters: TaskParameters;
  products: readonly { id: string; name: string }[];
  error?: string;
  onChange: (change: Partial<TaskParameters>) => void;
}) {
  const held = { ADMIN: useHeld(schoolId, archived, ids, 'ADMIN'), SUPERVISOR: useHeld(schoolId, archived, ids, 'SUPERVISOR') };
  return (
    <>
      <CheckboxGroup label={t('admin.roles')} value={parameters.roles} {...fieldError(error)} onValueChanged={(e) => onChange({ roles: e.detail.value as Role[] })}>
        {ROLES.map((role) => (
          <Checkbox key={role} value={role} label={t(`role.${role}`)} className={held[role] > 0 ? 'kp-role-held' : undefined} />
        ))}
      </CheckboxGroup>
      <ul className="kp-held">
        {ROLES.filter((role) => held[role] > 0).map((role) => (
          <li key={role}>{t('admin.roleHeld', { role: t(`role.${role}`), count: held[role], total: ids.length })}</li>
        ))}
      </ul>
      {task === 'linkProfessionals' && (
        <CheckboxGroup label={t('admin.productsForSupervisors')} value={parameters.productIds} onValueChanged={(e) => onChange({ productIds: e.detail.value })}>
          {products.map((p) => (
            <Checkbox key={p.id} value={p.id} label={p.name} />
          ))}
        </CheckboxGroup>
      )}
    </>
  );
}
