import { AppLayout } from '@vaadin/react-components/AppLayout.js';
import { MenuBar, type MenuBarItem } from '@vaadin/react-components/MenuBar.js';
import { Select } from '@vaadin/react-components/Select.js';
import { Suspense } from 'react';
import { NavLink, Outlet, useNavigate } from 'react-router';
import '../styles/klaspoort.css';
import { I18nProvider, useI18n } from '../lib/i18n';
import { SessionProvider, useSession } from '../lib/session';

function Loading() {
  const { t } = useI18n();
  return <p style={{ padding: 'var(--lumo-space-l)' }}>{t('common.loading')}</p>;
}

function Header() {
  const { t, language, setLanguage } = useI18n();
  const { viewer, membership, selectSchool, logout } = useSession();
  const navigate = useNavigate();
  const roles = membership?.roles ?? [];
  const isAdmin = roles.includes('ADMIN');
  const isSupervisor = roles.includes('SUPERVISOR');

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
      <span className="kp-brand">{t('app.name')}</span>
      <nav className="kp-nav" aria-label="Hoofdmenu">
        <NavLink to="/">{t('nav.home')}</NavLink>
        {viewer.user.__typename === 'Professional' && (
          <>
            {isAdmin ? (
              <NavLink to="/beheer">{t('nav.admin')}</NavLink>
            ) : (
              <span className="kp-nav-disabled" aria-disabled="true" title={t('nav.adminOnly')}>
                {t('nav.admin')}
              </span>
            )}
            {isSupervisor ? (
              <NavLink to="/resultaten">{t('nav.results')}</NavLink>
            ) : (
              <span className="kp-nav-disabled" aria-disabled="true" title={t('nav.supervisorOnly')}>
                {t('nav.results')}
              </span>
            )}
          </>
        )}
      </nav>
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
          if (action === 'logout') {
            void logout();
          } else if (action === 'profile') {
            navigate('/profiel');
          } else if (action === 'language') {
            setLanguage(language === 'nl' ? 'en' : 'nl');
          }
        }}
      />
    </header>
  );
}

export default function MainLayout() {
  return (
    <I18nProvider>
      <SessionProvider fallback={<Loading />}>
        <AppLayout>
          <Header />
          <main className="kp-main">
            <Suspense fallback={<Loading />}>
              <Outlet />
            </Suspense>
          </main>
        </AppLayout>
      </SessionProvider>
    </I18nProvider>
  );
}
