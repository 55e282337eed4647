import { Button } from '@vaadin/react-components/Button.js';
import { Checkbox } from '@vaadin/react-components/Checkbox.js';
import { CheckboxGroup } from '@vaadin/react-components/CheckboxGroup.js';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { EmptyState } from '../../../components/EmptyState';
import { FormErrors } from '../../../components/FormErrors';
import { ProfessionalRolesSetDocument, type Role, SchoolPickersDocument } from '../../../gql/graphql';
import { t } from '../../../i18n';
import { useGqlMutation, useGqlQuery } from '../../../lib/data';
import { useSubmit } from '../../../lib/submit';
import type { Member } from './types';

const ROLES: Role[] = ['ADMIN', 'SUPERVISOR'];

/**
 * B18: a professional's roles, and a supervisor's products, changed together and saved with "Rollen opslaan" (one
 * mutation). Without roles the professional is archived, so that asks first.
 */
export function ProfessionalRoles({ schoolId, member, editable, onSaved }: { schoolId: string; member: Member; editable: boolean; onSaved: (message: string) => void }) {
  const pickers = useGqlQuery(SchoolPickersDocument, { schoolId });
  const save = useGqlMutation(ProfessionalRolesSetDocument);
  const [roles, setRoles] = useState<Role[]>(() => member.roles.filter((r): r is Role => r !== 'STUDENT'));
  const [productIds, setProductIds] = useState<string[]>(() => member.products.map((p) => p.id));
  const [confirming, setConfirming] = useState(false);
  const { errors, submit } = useSubmit();
  const supervisor = roles.includes('SUPERVISOR');

  async function send() {
    setConfirming(false);
    const saved = await submit(async () => {
      const result = (await save.run({ input: { schoolId, userId: member.id, roles, productIds: supervisor ? productIds : [] } })).professionalRolesSet;
      // a refusal (e.g. the only supervisor of a student) is also in `errors`; its item error says why
      return [...result.errors, ...result.results.flatMap((r) => (r.error ? [r.error] : []))];
    });
    if (saved) onSaved(t('profile.rolesSaved'));
  }

  return (
    <section aria-labelledby="roles-title" className="kp-form">
      <h2 id="roles-title">{t('admin.roles')}</h2>
      <CheckboxGroup label={t('admin.roles')} value={roles} readonly={!editable} onValueChanged={(e) => setRoles(e.detail.value as Role[])}>
        {ROLES.map((role) => (
          <Checkbox key={role} value={role} label={t(`role.${role}`)} />
        ))}
      </CheckboxGroup>
      {supervisor && (
        <CheckboxGroup label={t('admin.productsForSupervisors')} value={productIds} readonly={!editable} onValueChanged={(e) => setProductIds(e.detail.value)}>
          {(pickers.data?.school?.products ?? []).map((p) => (
            <Checkbox key={p.id} value={p.id} label={p.name} />
          ))}
        </CheckboxGroup>
      )}
      {editable && <p className="kp-hint">{t('profile.bothRolesOff')}</p>}
      <FormErrors messages={errors} />
      {editable && (
        <div className="kp-buttons">
          <Button theme="primary" disabled={save.busy} onClick={() => (roles.length ? void send() : setConfirming(true))}>
            {t('profile.saveRoles')}
          </Button>
        </div>
      )}
      {member.roles.includes('SUPERVISOR') && (
        <>
          <h2>{t('profile.linkedStudents')}</h2>
          {member.students.length ? <p>{member.students.map((s) => s.displayName).join(', ')}</p> : <EmptyState title={t('profile.noLinkedStudents')} />}
        </>
      )}
      <ConfirmDialog
        opened={confirming}
        title={t('profile.confirmNoRoles.title')}
        confirmText={t('profile.confirmNoRoles.confirm')}
        danger
        busy={save.busy}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void send()}
      >
        {t('profile.confirmNoRoles.text')}
      </ConfirmDialog>
    </section>
  );
}
