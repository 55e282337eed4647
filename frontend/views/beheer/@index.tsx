import type { ViewConfig } from '@vaadin/hilla-file-router/types.js';
import { UserList } from './_user-list';

export const config: ViewConfig = { title: 'Gebruikersbeheer' };

/** B3: the school's active users. */
export default function UserOverviewView() {
  return <UserList archived={false} />;
}
