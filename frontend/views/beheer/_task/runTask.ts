import {
  type ActionResultFragment,
  type PayloadErrorFragment,
  ProfessionalsLinkDocument,
  type Role,
  RolesRemoveDocument,
  StudentsGradeYearChangeDocument,
  StudentsLinkDocument,
  UsersArchiveDocument,
  UsersDearchiveDocument,
} from '../../../gql/graphql';
import { useGqlMutation } from '../../../lib/data';
import type { AdminTask } from '../../../lib/users';

export interface LinkRow {
  productId: string;
  supervisorIds: string[];
}

export interface TaskParameters {
  roles: Role[];
  productIds: string[];
  links: LinkRow[];
}

export interface Outcome {
  batchId?: string | null;
  results: readonly ActionResultFragment[];
  errors: readonly PayloadErrorFragment[];
}

/** The mutation behind each bulk task; `run(ids, parameters, dryRun)` sends it once, `busy` while it runs. */
export function useTaskMutation(task: AdminTask, schoolId: string) {
  const archive = useGqlMutation(UsersArchiveDocument);
  const dearchive = useGqlMutation(UsersDearchiveDocument);
  const linkStudents = useGqlMutation(StudentsLinkDocument);
  const linkProfessionals = useGqlMutation(ProfessionalsLinkDocument);
  const removeRoles = useGqlMutation(RolesRemoveDocument);
  const grade = useGqlMutation(StudentsGradeYearChangeDocument);
  const busy = [archive, dearchive, linkStudents, linkProfessionals, removeRoles, grade].some((m) => m.busy);

  async function run(ids: string[], p: TaskParameters, dryRun: boolean): Promise<Outcome> {
    switch (task) {
      case 'archive':
        return (await archive.run({ input: { schoolId, userIds: ids, dryRun } })).usersArchive;
      case 'dearchive':
        return (await dearchive.run({ input: { schoolId, userIds: ids, dryRun } })).usersDearchive;
      case 'linkStudents':
        return (await linkStudents.run({ input: { schoolId, studentIds: ids, links: p.links, dryRun } })).studentsLink;
      case 'linkProfessionals':
        return (await linkProfessionals.run({ input: { schoolId, userIds: ids, roles: p.roles, productIds: p.productIds, dryRun } })).professionalsLink;
      case 'removeRoles':
        return (await removeRoles.run({ input: { schoolId, userIds: ids, roles: p.roles, dryRun } })).rolesRemove;
      case 'gradeUp':
      case 'gradeDown':
        return (await grade.run({ input: { schoolId, studentIds: ids, step: task === 'gradeUp' ? 'UP' : 'DOWN', dryRun } })).studentsGradeYearChange;
    }
  }
  return { run, busy };
}
