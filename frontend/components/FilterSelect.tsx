import { Select } from '@vaadin/react-components/Select.js';
import { t } from '../i18n';

/** The "all" choice: Vaadin's Select shows an empty string as no selection, so "Alle" needs a value of its own. */
const ALL = '__all__';

/**
 * A filter with "Alle" first: `value` undefined means no filter, and choosing "Alle" gives undefined back (never an
 * empty string or null in the request).
 */
export function FilterSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string | undefined;
  options: readonly { label: string; value: string }[];
  onChange: (value: string | undefined) => void;
}) {
  return (
    <Select
      label={label}
      value={value ?? ALL}
      items={[{ label: t('common.all'), value: ALL }, ...options]}
      onValueChanged={(e) => {
        const next = e.detail.value === ALL || e.detail.value === '' ? undefined : e.detail.value;
        if (next !== value) onChange(next);
      }}
    />
  );
}
