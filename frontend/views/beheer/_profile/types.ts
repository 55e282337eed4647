import type { SchoolUserProfileQuery } from '../../../gql/graphql';

/** A user as member of the school, as the profile query reads it. */
export type Member = NonNullable<NonNullable<SchoolUserProfileQuery['school']>['user']>;
