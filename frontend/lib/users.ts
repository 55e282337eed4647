import type { UserPageFragment } from '../gql/graphql';

export type UserRow = UserPageFragment['edges'][number]['node'];

/** The bulk tasks of the "Kies een beheertaak" menu (manual 4.5–4.9) and who they apply to. */
export type AdminTask =
  | 'archive'
  | 'dearchive'
  | 'linkProfessionals'
  | 'linkStudents'
  | 'removeRoles'
  | 'gradeUp'
  | 'gradeDown';

/** The tasks offered in the overview (B3) and in the archive (B9). */
export const ACTIVE_TASKS: AdminTask[] = ['archive', 'linkProfessionals', 'linkStudents', 'removeRoles', 'gradeUp', 'gradeDown'];
export const ARCHIVE_TASKS: AdminTask[] = ['dearchive', 'linkProfessionals', 'linkStudents'];

export function appliesTo(task: AdminTask, row: UserRow, myUserId: string): boolean {
  switch (task) {
    case 'archive':
      return row.user.id !== myUserId;
    case 'dearchive':
      return true;
    case 'linkProfessionals':
    case 'removeRoles':
      return row.user.__typename === 'Professional';
    case 'linkStudents':
    case 'gradeUp':
    case 'gradeDown':
      // every student: one that would leave groep 1–8 is reported as refused by the API, never skipped silently
      return row.user.__typename === 'Student';
  }
}
