import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { I18nProvider, TranslationMessages } from 'react-admin';
import kk from './kk';

export const DEFAULT_LOCALE = 'kk';

/** Each language names itself, so a reader finds their own in any UI language. */
export const LOCALES = [
  { locale: 'kk', name: 'Қазақша' },
  { locale: 'ru', name: 'Русский' },
  { locale: 'en', name: 'English' },
];

/** Kazakh ships with the app; Russian and English load when first chosen. */
const messagesFor = (locale: string): TranslationMessages | Promise<TranslationMessages> => {
  switch (locale) {
    case 'ru':
      return import('./ru').then((module) => module.default);
    case 'en':
      return import('./en').then((module) => module.default);
    default:
      return kk;
  }
};

const polyglot = polyglotI18nProvider(messagesFor, DEFAULT_LOCALE, LOCALES);

export const i18nProvider: I18nProvider = {
  ...polyglot,
  changeLocale: async (locale, options) => {
    await polyglot.changeLocale(locale, options);
    document.documentElement.lang = locale;
  },
};

/** The UI language, for code outside React (the HTTP client's Accept-Language). */
export const currentLocale = (): string => polyglot.getLocale();

/** The BCP 47 tag used to format dates and numbers in the UI language. */
export const intlLocale = (locale: string): string => (locale === 'ru' ? 'ru-RU' : locale === 'en' ? 'en-GB' : 'kk-KZ');
