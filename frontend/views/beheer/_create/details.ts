import type { Role } from '../../../gql/graphql';
import { t } from '../../../i18n';

export type Kind = 'PROFESSIONAL' | 'STUDENT';

export interface Details {
  firstName: string;
  namePrefix: string;
  lastName: string;
  email: string;
  function: string;
  roles: Role[];
  gradeYear: number | null;
  group: string;
  productIds: string[];
  supervisorIds: string[];
  username: string;
  password: string;
}

export const EMPTY: Details = {
  firstName: '',
  namePrefix: '',
  lastName: '',
  email: '',
  function: '',
  roles: [],
  gradeYear: null,
  group: '',
  productIds: [],
  supervisorIds: [],
  username: '',
  password: '',
};

/** What steps 2 and 2B show and edit. */
export interface StepProps {
  kind: Kind;
  details: Details;
  errors: Record<string, string>;
  products: readonly { id: string; name: string }[];
  supervisors: readonly { id: string; displayName: string }[];
  set: <K extends keyof Details>(key: K, value: Details[K]) => void;
}

/** The fields of step 2B (the review); every other field lives on step 2. */
export const REVIEW_FIELDS = ['username', 'password'];

const NAME_MAX = 100;

function name(value: string): string | undefined {
  if (!value.trim()) return t('validation.nameRequired');
  if (value.trim().length > NAME_MAX) return t('validation.nameTooLong', { max: NAME_MAX });
  return undefined;
}

/**
 * Step 2's problems, all at once, by field. The server checks everything again (and more: valid characters, a taken
 * e-mail address); these checks only spare a round trip and say precisely what is missing or too long.
 */
export function validate(kind: Kind, d: Details): Record<string, string> {
  const errors: Record<string, string | undefined> = {
    firstName: name(d.firstName),
    lastName: name(d.lastName),
  };
  if (kind === 'PROFESSIONAL') {
    errors.email = d.email.trim() ? undefined : t('validation.emailRequired');
    errors.roles = d.roles.length ? undefined : t('validation.chooseRole');
  } else {
    errors.gradeYear = d.gradeYear && d.gradeYear >= 1 && d.gradeYear <= 8 ? undefined : t('validation.gradeYear');
    errors.productIds = d.productIds.length ? undefined : t('validation.chooseProduct');
    errors.supervisorIds = d.supervisorIds.length ? undefined : t('validation.chooseSupervisor');
  }
  return Object.fromEntries(Object.entries(errors).filter((e): e is [string, string] => !!e[1]));
}
