import { AppLayout } from '@vaadin/react-components/AppLayout.js';
import { MenuBar, type MenuBarItem } from '@vaadin/react-components/MenuBar.js';
import { Select } from '@vaadin/react-components/Select.js';
import { Suspense } from 'react';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { mainMenu } from '../components/AdminNav';
import { Busy } from '../components/Busy';
import { ActivityBar, Providers } from '../components/Providers';
import { setLanguage, t, useLanguage } from '../i18n';
import { SessionProvider, useSession } from '../lib/session';

function MainNav() {
  const { viewer, hasRole } = useSession();
  const professional = viewer.user.__typename === 'Professional';
  return (
    <nav className="kp-nav" aria-label={t('app.mainNavigation')}>
      {mainMenu()
        .filter((item) => professional || !item.professionalsOnly)
        .map((item) =>
          !item.role || hasRole(item.role) ? (
            <NavLink key={item.to} to={item.to} end={item.to === '/'}>
              {item.label}
            </NavLink>
          ) : (
            <span key={item.to} className="kp-nav-disabled" aria-disabled="true" title={t(item.role === 'ADMIN' ? 'nav.adminOnly' : 'nav.supervisorOnly')}>
              {item.label}
            </span>
          ),
        )}
    </nav>
  );
}

function Header() {
  const language = useLanguage();
  const { viewer, membership, selectSchool, logout } = useSession();
  const navigate = useNavigate();
  const userMenu: MenuBarItem[] = [
    {
      text: viewer.user.displayName,
      children: [
        { text: t('header.profile'), action: 'profile' } as MenuBarItem,
        { text: t('header.language'), action: 'language' } as MenuBarItem,
        { text: t('header.logout'), action: 'logout' } as MenuBarItem,
      ],
    },
  ];
  return (
    <header className="kp-header" slot="navbar">
      <a
        className="kp-skip-link"
        href="#main"
        onClick={(e) => {
          // the page's <base href> would turn "#main" into a link to the start page: move the focus instead
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <span className="kp-brand">{t('app.name')}</span>
      <MainNav />
      <span className="kp-spacer" />
      {viewer.memberships.length > 0 && (
        <Select
          className="kp-school-select"
          label={t('header.school')}
          items={viewer.memberships.map((m) => ({ label: m.school.name, value: m.school.id }))}
          value={membership?.school.id ?? ''}
          onValueChanged={(e) => e.detail.value && e.detail.value !== membership?.school.id && selectSchool(e.detail.value)}
        />
      )}
      <MenuBar
        aria-label={t('header.userMenu')}
        theme="tertiary"
        items={userMenu}
        onItemSelected={(e) => {
          const action = (e.detail.value as MenuBarItem & { action?: string }).action;
          if (action === 'logout') void logout();
          else if (action === 'profile') navigate('/profiel');
          else if (action === 'language') void setLanguage(language === 'nl' ? 'en' : 'nl');
        }}
      />
      <ActivityBar />
    </header>
  );
}

export default function MainLayout() {
  return (
    <Providers>
      <SessionProvider>
        <AppLayout>
          <Header />
          <main className="kp-main" id="main" tabIndex={-1}>
            <Suspense fallback={<Busy />}>
              <Outlet />
            </Suspense>
          </main>
        </AppLayout>
      </SessionProvider>
    </Providers>
  );
}
