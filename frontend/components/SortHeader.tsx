import { t } from '../i18n';

export interface SortState<F extends string> {
  field: F;
  direction: 'ASC' | 'DESC';
}

/** Flips the direction when the same field is chosen again, else sorts ascending on the new field. */
export function nextSort<F extends string>(sort: SortState<F>, field: F): SortState<F> {
  return { field, direction: sort.field === field && sort.direction === 'ASC' ? 'DESC' : 'ASC' };
}

/** A column header that sorts the list on the server: `aria-sort` on the header, a button inside it. */
export function SortHeader<F extends string>({
  field,
  label,
  sort,
  onSort,
  numeric,
}: {
  field: F;
  label: string;
  sort: SortState<F>;
  onSort: (field: F) => void;
  numeric?: boolean;
}) {
  const active = sort.field === field;
  const ariaSort = active ? (sort.direction === 'ASC' ? 'ascending' : 'descending') : 'none';
  return (
    <th scope="col" aria-sort={ariaSort} className={numeric ? 'kp-numeric' : undefined}>
      <button type="button" className="kp-sort" aria-label={t('admin.sortBy', { label })} onClick={() => onSort(field)}>
        {label} <span aria-hidden="true">{active ? (sort.direction === 'ASC' ? '▲' : '▼') : ''}</span>
      </button>
    </th>
  );
}
