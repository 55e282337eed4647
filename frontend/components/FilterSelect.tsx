import { Select } from '@vaadin/react-components/Select.js';
import { useMemo } from 'react';
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
  const all = t('common.all');
  // stable items: a Select whose items change while it is open loses the click on an option
  const key = JSON.stringify(options);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const items = useMemo(() => [{ label: all, value: ALL }, ...options], [all, key]);
  return (
    <Select
      label={label}
      value={value ?? ALL}
      items={items}
      onValueChanged={(e) => {
        const next = e.detail.value === ALL || e.detail.value === '' ? undefined : e.detail.value;
        if (next !== value) onChange(next);
      }}
    />
  );
}
