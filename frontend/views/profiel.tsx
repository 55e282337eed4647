import type { ViewConfig } from '@vaadin/hilla-file-router/types.js';
import { useSession } from '../lib/session';
import { Profile } from './beheer/_profile/Profile';

export const config: ViewConfig = { title: 'header.profile' };

/** B16: the signed-in user's own profile, from the user menu. */
export default function OwnProfileView() {
  const { viewer } = useSession();
  return <Profile userId={viewer.user.id} />;
}
