import type { ViewConfig } from '@vaadin/hilla-file-router/types.js';
import type { MenuDetail } from '../../components/AdminNav';
import { UserList } from './_users/UserList';

export const config: ViewConfig<MenuDetail> = { title: 'admin.archive', menu: { order: 11 }, detail: { admin: true } };

/** B9: archived users and users not linked yet, with dearchive (B10) and koppelen from the archive (B11, B12). */
export default function ArchiveView() {
  return <UserList archived />;
}
