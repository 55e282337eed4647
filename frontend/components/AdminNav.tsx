import { createMenuItems } from '@vaadin/hilla-file-router/runtime.js';
import { NavLink } from 'react-router';
import { dynamicText, t } from '../i18n';

/**
 * What a view's `ViewConfig.detail` says about its place in the menus. Titles are translation keys. A new screen
 * declares it in its own file, e.g. `export const config: ViewConfig<MenuDetail> = { title: 'admin.archive',
 * menu: { order: 2 }, detail: { admin: true } }`.
 */
export interface MenuDetail {
  /** In the header's main menu under this title, needing this school role there (shown disabled without it, R2). */
  main?: { title: string; role?: 'ADMIN' | 'SUPERVISOR'; professionalsOnly?: boolean };
  /** In the admin sub-navigation, under the view's `menu.title` or `title`. */
  admin?: boolean;
}

function label(key: string | undefined, fallback: string): string {
  return (key && dynamicText(key)) ?? key ?? fallback;
}

/** The main menu's entries, in `menu.order`. */
export function mainMenu() {
  return createMenuItems<MenuDetail>()
    .filter((item) => item.detail?.main)
    .map((item) => ({ to: item.to, label: label(item.detail!.main!.title, item.to), ...item.detail!.main! }));
}

/** The admin sub-navigation's entries, in `menu.order`. */
export function adminMenu() {
  return createMenuItems<MenuDetail>()
    .filter((item) => item.detail?.admin)
    .map((item) => ({ to: item.to, label: label(item.title, item.to) }));
}

/** The admin sub-navigation (overview, archive, audit log, IP addresses, create), shown on every admin screen. */
export function AdminNav() {
  return (
    <nav className="kp-subnav" aria-label={t('nav.adminSections')}>
      {adminMenu().map((item) => (
        <NavLink key={item.to} to={item.to} end>
          {item.label}
        </NavLink>
      ))}
    </nav>
  );
}
