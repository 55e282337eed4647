import { Button } from '@vaadin/react-components/Button.js';
import { Checkbox } from '@vaadin/react-components/Checkbox.js';
import { CheckboxGroup } from '@vaadin/react-components/CheckboxGroup.js';
import { Select } from '@vaadin/react-components/Select.js';
import { fieldError } from '../../../components/FormErrors';
import { t } from '../../../i18n';
import type { LinkRow } from './runTask';

/** Problems of one link row, by field (`productId`, `supervisorIds`), checked before anything is sent. */
export function linkRowErrors(row: LinkRow): { productId?: string; supervisorIds?: string } {
  return {
    productId: row.productId ? undefined : t('validation.productMissing'),
    supervisorIds: row.supervisorIds.length ? undefined : t('validation.chooseSupervisor'),
  };
}

/**
 * Rows of product + supervisors ("Nog een koppeling toevoegen", B12 and the student's profile, B18), each removable,
 * each with its own errors.
 */
export function LinkRows({
  rows,
  products,
  supervisors,
  showErrors,
  allowEmpty = false,
  onChange,
}: {
  rows: LinkRow[];
  products: readonly { id: string; name: string }[];
  supervisors: readonly { id: string; displayName: string }[];
  showErrors: boolean;
  /** Whether the last row may be removed too (a student's profile: no products archives the student). */
  allowEmpty?: boolean;
  onChange: (rows: LinkRow[]) => void;
}) {
  const update = (index: number, change: Partial<LinkRow>) => onChange(rows.map((r, i) => (i === index ? { ...r, ...change } : r)));
  return (
    <>
      {rows.map((row, index) => {
        const errors = showErrors ? linkRowErrors(row) : {};
        return (
          <div className="kp-link-row" key={index} role="group" aria-label={t('admin.link', { index: index + 1 })}>
            <Select
              label={t('admin.filter.product')}
              value={row.productId}
              items={products.map((p) => ({ label: p.name, value: p.id }))}
              {...fieldError(errors.productId)}
              onValueChanged={(e) => e.detail.value !== row.productId && update(index, { productId: e.detail.value })}
            />
            <CheckboxGroup
              label={t('admin.supervisors')}
              value={row.supervisorIds}
              {...fieldError(errors.supervisorIds)}
              onValueChanged={(e) => update(index, { supervisorIds: e.detail.value })}
            >
              {supervisors.map((s) => (
                <Checkbox key={s.id} value={s.id} label={s.displayName} />
              ))}
            </CheckboxGroup>
            {(rows.length > 1 || allowEmpty) && (
              <Button theme="tertiary error" aria-label={t('admin.removeLink', { index: index + 1 })} onClick={() => onChange(rows.filter((_, i) => i !== index))}>
                ✕
              </Button>
            )}
          </div>
        );
      })}
      <Button theme="tertiary" onClick={() => onChange([...rows, { productId: '', supervisorIds: [] }])}>
        {t('admin.addLink')}
      </Button>
    </>
  );
}
