import { useMemo } from 'react';
import { useLocaleState } from 'react-admin';
import { countryChoices, languageChoices, matchesWorldChoice, type WorldChoice } from './worldNames';

/** Country and language inputs find a name typed in any language and script ("Моңғ", "Монг", "Mong"). */
export const worldSearch = {
  translateChoice: false,
  matchSuggestion: (typed: string, choice: WorldChoice) => matchesWorldChoice(typed, choice),
} as const;

/** ISO 3166-1 countries in use today, named in the UI language, searchable in kk, ru and en (common/world). */
export function useCountryChoices(): WorldChoice[] {
  const [locale] = useLocaleState();
  return useMemo(() => countryChoices(locale), [locale]);
}

/** ISO 639-1 languages, named in the UI language, searchable in kk, ru and en. */
export function useLanguageChoices(): WorldChoice[] {
  const [locale] = useLocaleState();
  return useMemo(() => languageChoices(locale), [locale]);
}
