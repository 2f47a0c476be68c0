import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { I18nProvider, TranslationMessages } from 'react-admin';
import { kkShell } from './kk-shell';

export const DEFAULT_LOCALE = 'kk';

/** Each language names itself, so a reader finds their own in any UI language. */
export const LOCALES = [
  { locale: 'kk', name: 'Қазақша' },
  { locale: 'ru', name: 'Русский' },
  { locale: 'en', name: 'English' },
];

/** Until a whole catalogue is loaded, the login page's Kazakh (kk-shell.ts) is all there is. */
let shellOnly = true;

/**
 * The login page's Kazakh ships with the app: polyglot asks for it once, synchronously,
 * at creation. The whole Kazakh, Russian and English catalogues load when first needed.
 */
const messagesFor = (locale: string): TranslationMessages | Promise<TranslationMessages> => {
  if (shellOnly && locale === DEFAULT_LOCALE) return kkShell;
  switch (locale) {
    case 'ru':
      return import('./ru').then((module) => module.default);
    case 'en':
      return import('./en').then((module) => module.default);
    default:
      return import('./kk').then((module) => module.default);
  }
};

const polyglot = polyglotI18nProvider(messagesFor, DEFAULT_LOCALE, LOCALES);

export const i18nProvider: I18nProvider = {
  ...polyglot,
  changeLocale: async (locale, options) => {
    shellOnly = false;
    await polyglot.changeLocale(locale, options);
    document.documentElement.lang = locale;
  },
};

/**
 * Loads the whole catalogue of the current language if only the login page's part is
 * there: awaited before any screen after the login page renders (main.tsx with a
 * session, authProvider.login).
 */
export const loadFullCatalogue = async (): Promise<void> => {
  if (shellOnly) await i18nProvider.changeLocale(polyglot.getLocale());
};

/** The UI language, for code outside React (the HTTP client's Accept-Language). */
export const currentLocale = (): string => polyglot.getLocale();

/** The BCP 47 tag used to format dates and numbers in the UI language. */
export const intlLocale = (locale: string): string => (locale === 'ru' ? 'ru-RU' : locale === 'en' ? 'en-GB' : 'kk-KZ');
