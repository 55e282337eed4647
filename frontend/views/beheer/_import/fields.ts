import type { ImportRowFragment } from '../../../gql/graphql';
import type { ImportKind } from '../../../lib/files';

export type ImportRow = ImportRowFragment;

/** A cell of the review grid: the row's field, which is also the `field` of its problems. */
export type CellField = 'firstName' | 'namePrefix' | 'lastName' | 'roles' | 'email' | 'gradeYear' | 'group' | 'username' | 'password';

/** The review's columns per kind, in the template's order; students get their generated login after their group. */
export const FIELDS: Record<ImportKind, readonly CellField[]> = {
  PROFESSIONALS: ['firstName', 'namePrefix', 'lastName', 'roles', 'email'],
  STUDENTS: ['firstName', 'namePrefix', 'lastName', 'gradeYear', 'group', 'username', 'password'],
};

/** The row as the update mutation takes it: every cell of the kind, with one changed. */
export function edited(kind: ImportKind, row: ImportRow, field: CellField, value: string): Record<CellField, string | null> {
  const cells = Object.fromEntries(FIELDS[kind].map((f) => [f, row[f] ?? ''])) as Record<CellField, string | null>;
  cells[field] = value;
  return cells;
}
