import { i18n } from '@vaadin/hilla-react-i18n';
import { type Messages, MESSAGE_KEYS } from './messages.generated';

/**
 * The UI's texts and the user's language. Texts live in the bundles the server reads too
 * (`backend/src/main/resources/vaadin-i18n/translations*.properties`, ICU MessageFormat); @vaadin/hilla-react-i18n
 * loads the bundle of the chosen language from the server, and components that call `t` re-render when it changes.
 *
 *   t('admin.title')                        // a plain text
 *   t('admin.selectedCount', { count: 3 })  // placeholders are type-checked against the bundle
 */
export type MessageKey = keyof Messages;
export type Language = 'nl' | 'en';

const STORAGE_KEY = 'klaspoort.language';

export function storedLanguage(): Language {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nl';
}

/** Resolves when the bundle of the user's language (Dutch unless they chose English) has loaded. */
export const i18nReady: Promise<void> = i18n.configure({ language: storedLanguage() }).then(() => {
  document.documentElement.lang = storedLanguage();
});

type Params<K extends MessageKey> = Messages[K] extends undefined ? [] : [params: Messages[K]];

/** The text of `key` in the user's language, with its placeholders filled in. */
export function t<K extends MessageKey>(key: K, ...params: Params<K>): string {
  return i18n.translate(key as never, params[0] as Record<string, unknown> | undefined);
}

/**
 * The text of a key built at run time (a menu title from a ViewConfig, `error.<CODE>`), with untyped params; undefined
 * when the bundles have no such key.
 */
export function dynamicText(key: string, params?: Record<string, unknown>): string | undefined {
  return isMessageKey(key) ? i18n.translate(key as never, params) : undefined;
}

/** Whether a key exists in the bundles (for keys built at run time, such as `error.<CODE>`). */
export function isMessageKey(key: string): key is MessageKey {
  return MESSAGE_KEYS.has(key);
}

/** The current language; components reading it re-render when it changes. */
export function useLanguage(): Language {
  return i18n.language.value === 'en' ? 'en' : 'nl';
}

/** The current language outside React (e.g. for request headers). */
export function currentLanguage(): Language {
  return i18n.language.value === 'en' ? 'en' : storedLanguage();
}

export function isI18nReady(): boolean {
  return i18n.initialized.value;
}

/** Switches the language, keeps the choice for the next visit, and loads the bundle. */
export async function setLanguage(language: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, language);
  await i18n.setLanguage(language);
  document.documentElement.lang = language;
}

/** BCP 47 locale for Intl formatting in the user's language. */
export function locale(language: Language = currentLanguage()): string {
  return language === 'en' ? 'en-GB' : 'nl-NL';
}
