import type { UserFilter, UserPageFragment } from '../gql/graphql';

export type UserRow = UserPageFragment['edges'][number]['node'];

/** The bulk tasks of the "Kies een beheertaak" menu (manual 4.5–4.10). */
export type AdminTask = 'archive' | 'dearchive' | 'linkProfessionals' | 'linkStudents' | 'removeRoles' | 'gradeUp' | 'gradeDown';

/** The tasks offered in the overview (B3) and in the archive (B9). */
export const ACTIVE_TASKS: AdminTask[] = ['archive', 'linkProfessionals', 'linkStudents', 'removeRoles', 'gradeUp', 'gradeDown'];
export const ARCHIVE_TASKS: AdminTask[] = ['dearchive', 'linkProfessionals', 'linkStudents'];

/** A selected user, as far as the list has seen them. */
export interface Target {
  id: string;
  name: string;
  roles: readonly string[];
}

/** The kind of user a task applies to (manual: the others get no checkbox), or undefined for every user. */
export function taskKind(task: AdminTask): UserFilter['kind'] {
  switch (task) {
    case 'linkProfessionals':
    case 'removeRoles':
      return 'PROFESSIONAL';
    case 'linkStudents':
    case 'gradeUp':
    case 'gradeDown':
      return 'STUDENT';
    default:
      return undefined;
  }
}

/** Whether the task applies to this user: its kind, and nobody archives themselves. */
export function appliesTo(task: AdminTask, row: UserRow, myUserId: string): boolean {
  const kind = taskKind(task);
  if (kind) return (kind === 'STUDENT') === (row.user.__typename === 'Student');
  return task !== 'archive' || row.user.id !== myUserId;
}

export function toTarget(row: UserRow): Target {
  return { id: row.id, name: row.user.displayName, roles: row.roles };
}
