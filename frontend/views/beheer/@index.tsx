import type { ViewConfig } from '@vaadin/hilla-file-router/types.js';
import type { MenuDetail } from '../../components/AdminNav';
import { UserList } from './_users/UserList';

export const config: ViewConfig<MenuDetail> = {
  title: 'admin.title',
  menu: { order: 1, title: 'admin.overview' },
  detail: { main: { title: 'nav.admin', role: 'ADMIN', professionalsOnly: true }, admin: true },
};

/** B3: the school's active users. */
export default function UserOverviewView() {
  return <UserList archived={false} />;
}
