import { Checkbox } from '@vaadin/react-components/Checkbox.js';
import { CheckboxGroup } from '@vaadin/react-components/CheckboxGroup.js';
import { EmailField } from '@vaadin/react-components/EmailField.js';
import { IntegerField } from '@vaadin/react-components/IntegerField.js';
import { TextField } from '@vaadin/react-components/TextField.js';
import { fieldError } from '../../../components/FormErrors';
import type { Role } from '../../../gql/graphql';
import { t } from '../../../i18n';
import type { StepProps } from './details';

const ROLES: Role[] = ['ADMIN', 'SUPERVISOR'];

/** Step 2 of the wizard: the new user's details, every field with its own error. */
export function DetailsForm({ kind, details, errors, products, supervisors, set }: StepProps) {
  return (
    <>
      <TextField label={t('profile.firstName')} required value={details.firstName} {...fieldError(errors.firstName)} onValueChanged={(e) => set('firstName', e.detail.value)} />
      <TextField label={t('profile.namePrefix')} value={details.namePrefix} {...fieldError(errors.namePrefix)} onValueChanged={(e) => set('namePrefix', e.detail.value)} />
      <TextField label={t('profile.lastName')} required value={details.lastName} {...fieldError(errors.lastName)} onValueChanged={(e) => set('lastName', e.detail.value)} />
      {kind === 'PROFESSIONAL' ? (
        <>
          <EmailField label={t('profile.email')} required value={details.email} {...fieldError(errors.email)} onValueChanged={(e) => set('email', e.detail.value)} />
          <TextField label={t('profile.function')} value={details.function} onValueChanged={(e) => set('function', e.detail.value)} />
          <CheckboxGroup label={t('admin.roles')} value={details.roles} {...fieldError(errors.roles)} onValueChanged={(e) => set('roles', e.detail.value as Role[])}>
            {ROLES.map((role) => (
              <Checkbox key={role} value={role} label={t(`role.${role}`)} />
            ))}
          </CheckboxGroup>
          {details.roles.includes('SUPERVISOR') && (
            <CheckboxGroup label={t('admin.productsForSupervisors')} value={details.productIds} {...fieldError(errors.productIds)} onValueChanged={(e) => set('productIds', e.detail.value)}>
              {products.map((p) => (
                <Checkbox key={p.id} value={p.id} label={p.name} />
              ))}
            </CheckboxGroup>
          )}
        </>
      ) : (
        <>
          <IntegerField
            label={t('admin.col.gradeYear')}
            required
            min={1}
            max={8}
            stepButtonsVisible
            value={details.gradeYear?.toString() ?? ''}
            {...fieldError(errors.gradeYear)}
            onValueChanged={(e) => set('gradeYear', e.detail.value ? Number(e.detail.value) : null)}
          />
          <TextField label={t('profile.group')} value={details.group} onValueChanged={(e) => set('group', e.detail.value)} />
          <CheckboxGroup label={t('admin.col.products')} value={details.productIds} {...fieldError(errors.productIds)} onValueChanged={(e) => set('productIds', e.detail.value)}>
            {products.map((p) => (
              <Checkbox key={p.id} value={p.id} label={p.name} />
            ))}
          </CheckboxGroup>
          <CheckboxGroup label={t('admin.supervisors')} value={details.supervisorIds} {...fieldError(errors.supervisorIds)} onValueChanged={(e) => set('supervisorIds', e.detail.value)}>
            {supervisors.map((s) => (
              <Checkbox key={s.id} value={s.id} label={s.displayName} />
            ))}
          </CheckboxGroup>
        </>
      )}
    </>
  );
}
