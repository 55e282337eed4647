import type { ViewConfig } from '@vaadin/hilla-file-router/types.js';
import { useParams } from 'react-router';
import { Profile } from '../_profile/Profile';

export const config: ViewConfig = { title: 'profile.title' };

/** B16–B18: the profile of one user of the school. */
export default function UserProfileView() {
  const { id } = useParams();
  return <Profile userId={id ?? ''} />;
}
