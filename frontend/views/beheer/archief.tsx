import type { ViewConfig } from '@vaadin/hilla-file-router/types.js';
import { UserList } from './_user-list';

export const config: ViewConfig = { title: 'Gebruikersarchief' };

/** B9: archived users and users not linked yet, with dearchive (B10) and koppelen from the archive (B11, B12). */
export default function ArchiveView() {
  return <UserList archived />;
}
