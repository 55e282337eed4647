import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';

/** UI text, Dutch first (the default), English second. Keys are grouped by screen. */
const messages = {
  nl: {
    'app.name': 'Klaspoort',
    'nav.home': 'Home',
    'nav.admin': 'Beheer',
    'nav.results': 'Resultaten',
    'nav.adminOnly': 'Alleen voor beheerders',
    'nav.supervisorOnly': 'Alleen voor begeleiders',
    'header.school': 'School',
    'header.userMenu': 'Gebruikersmenu',
    'header.logout': 'Uitloggen',
    'header.language': 'English',
    'login.title': 'Inloggen bij Klaspoort',
    'login.description': 'Onderwijsprofessionals loggen in met hun e-mailadres, leerlingen met hun gebruikersnaam.',
    'login.username': 'E-mailadres of gebruikersnaam',
    'login.password': 'Wachtwoord',
    'login.submit': 'Inloggen',
    'login.forgot': 'Wachtwoord vergeten?',
    'login.error.title': 'Onjuiste gebruikersnaam of wachtwoord',
    'login.error.message': 'Controleer je e-mailadres of gebruikersnaam en je wachtwoord, en probeer het opnieuw.',
    'login.error.username': 'Vul je e-mailadres of gebruikersnaam in',
    'login.error.password': 'Vul je wachtwoord in',
    'dashboard.title': 'School-dashboard',
    'dashboard.brin': 'BRIN',
    'dashboard.activeStudents': 'Actieve leerlingen',
    'dashboard.activeProfessionals': 'Actieve onderwijsprofessionals',
    'dashboard.archivedUsers': 'Gearchiveerde gebruikers',
    'dashboard.products': 'Producten met een lopend abonnement',
    'dashboard.roles': 'Jouw rollen',
    'dashboard.noSchool': 'Je hebt op geen enkele school een rol.',
    'role.ADMIN': 'Beheerder',
    'role.SUPERVISOR': 'Begeleider',
    'role.STUDENT': 'Leerling',
    'common.loading': 'Laden…',
    'common.error': 'Er ging iets mis bij het ophalen van de gegevens.',
  },
  en: {
    'app.name': 'Klaspoort',
    'nav.home': 'Home',
    'nav.admin': 'Administration',
    'nav.results': 'Results',
    'nav.adminOnly': 'For administrators only',
    'nav.supervisorOnly': 'For supervisors only',
    'header.school': 'School',
    'header.userMenu': 'User menu',
    'header.logout': 'Log out',
    'header.language': 'Nederlands',
    'login.title': 'Log in to Klaspoort',
    'login.description': 'Professionals log in with their e-mail address, students with their username.',
    'login.username': 'E-mail address or username',
    'login.password': 'Password',
    'login.submit': 'Log in',
    'login.forgot': 'Forgot password?',
    'login.error.title': 'Incorrect username or password',
    'login.error.message': 'Check your e-mail address or username and your password, and try again.',
    'login.error.username': 'Enter your e-mail address or username',
    'login.error.password': 'Enter your password',
    'dashboard.title': 'School dashboard',
    'dashboard.brin': 'BRIN',
    'dashboard.activeStudents': 'Active students',
    'dashboard.activeProfessionals': 'Active professionals',
    'dashboard.archivedUsers': 'Archived users',
    'dashboard.products': 'Products with a running contract',
    'dashboard.roles': 'Your roles',
    'dashboard.noSchool': 'You hold no role at any school.',
    'role.ADMIN': 'Administrator',
    'role.SUPERVISOR': 'Supervisor',
    'role.STUDENT': 'Student',
    'common.loading': 'Loading…',
    'common.error': 'Something went wrong while loading the data.',
  },
} as const;

export type Language = keyof typeof messages;
export type MessageKey = keyof (typeof messages)['nl'];

interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: (key: MessageKey) => string;
}

const I18nContext = createContext<I18n | undefined>(undefined);
const STORAGE_KEY = 'klaspoort.language';

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(() =>
    localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nl',
  );
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    document.documentElement.lang = next;
    setLanguageState(next);
  }, []);
  document.documentElement.lang = language;
  const value = useMemo<I18n>(
    () => ({ language, setLanguage, t: (key) => messages[language][key] ?? messages.nl[key] }),
    [language, setLanguage],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) {
    throw new Error('useI18n outside I18nProvider');
  }
  return i18n;
}

/** Sets the browser tab's title for the current view ("… · Klaspoort"), so every page has a meaningful title (X7). */
export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} · Klaspoort` : 'Klaspoort';
  }, [title]);
}
