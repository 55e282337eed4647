import type { ReactNode } from 'react';
import { t } from '../i18n';
import { Busy, LoadFailed } from './Busy';
import { SortHeader, type SortState } from './SortHeader';

export interface Column<T, F extends string = string> {
  key: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** The server-side sort field of this column; makes the header a sort button. */
  sort?: F;
  /** Right-aligned (numbers, durations). */
  numeric?: boolean;
}

export interface Selection<T> {
  applies: (row: T) => boolean;
  selected: (row: T) => boolean;
  toggle: (row: T, on: boolean) => void;
  label: (row: T) => string;
}

/**
 * A list as a native table: one tab stop per checkbox and link, so rows are ticked with Tab and Space (X7); a header
 * per column with the sort button; the busy state instead of rows on a first load, and the previous rows dimmed
 * (aria-busy) while newer ones load; the empty state when there are no rows.
 */
export function DataTable<T, F extends string = string>({
  label,
  rows,
  rowKey,
  columns,
  sort,
  onSort,
  selection,
  loading = false,
  stale = false,
  error,
  onRetry,
  empty,
  className,
}: {
  label: string;
  rows: readonly T[];
  rowKey: (row: T) => string;
  columns: readonly Column<T, F>[];
  sort?: SortState<F>;
  onSort?: (field: F) => void;
  selection?: Selection<T>;
  /** No rows to show yet: shows the busy state. */
  loading?: boolean;
  /** The rows shown belong to the previous request: dimmed until the new ones arrive. */
  stale?: boolean;
  error?: Error | null;
  onRetry?: () => void;
  empty?: ReactNode;
  className?: string;
}) {
  if (error && rows.length === 0) {
    return <LoadFailed error={error} onRetry={onRetry ?? (() => undefined)} />;
  }
  if (loading) {
    return <Busy />;
  }
  if (rows.length === 0) {
    return <>{empty}</>;
  }
  return (
    <div className={`kp-table-wrap${stale ? ' kp-stale' : ''}`} aria-busy={stale}>
      {stale && <Busy />}
      <table className={`kp-table ${className ?? ''}`} aria-label={label}>
        <thead>
          <tr>
            {selection && (
              <th scope="col" className="kp-select-cell">
                <span className="kp-visually-hidden">{t('admin.col.select')}</span>
              </th>
            )}
            {columns.map((column) =>
              column.sort && sort && onSort ? (
                <SortHeader key={column.key} field={column.sort} label={column.header} sort={sort} onSort={onSort} numeric={column.numeric} />
              ) : (
                <th key={column.key} scope="col" className={column.numeric ? 'kp-numeric' : undefined}>
                  {column.header}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {selection && (
                <td className="kp-select-cell">
                  {selection.applies(row) && (
                    <input
                      type="checkbox"
                      aria-label={selection.label(row)}
                      checked={selection.selected(row)}
                      onChange={(e) => selection.toggle(row, e.target.checked)}
                    />
                  )}
                </td>
              )}
              {columns.map((column) => (
                <td key={column.key} className={column.numeric ? 'kp-numeric' : undefined}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
