import type { PlacementReason } from '@qonys/domain';
import { useLocaleState, useTranslate } from 'react-admin';
import { useFormatNumber } from '../common/useFormatNumber';
import { languageName } from '../common/world/worldNames';

const num = (value: unknown): number => (typeof value === 'number' ? value : Number(value) || 0);
const list = (value: unknown): string => (Array.isArray(value) ? value.join(', ') : String(value ?? ''));

/**
 * A placement reason in plain words of the UI language, from its key and facts
 * (the API's `text` is English only).
 */
export function useReasonText(): (reason: PlacementReason) => string {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const format = useFormatNumber();
  const count = (value: unknown) => format(num(value));
  return ({ key, facts, points }) => {
    const t = (name: string, options: Record<string, unknown> = {}) =>
      translate(`app.placement.reasons.${name}`, options);
    switch (key) {
      case 'preference':
        return num(facts.rank) > 0 ? t('preference', { rank: num(facts.rank) }) : t('not_preferred');
      case 'relatives':
        return points > 0 ? t('relatives') : t('no_relatives');
      case 'labour_demand':
        if (num(facts.workers) === 0) return t('no_profession');
        if (num(facts.matched) === 0) return t('no_vacancies');
        return t('labour_demand', {
          matched: count(facts.matched),
          workers: count(facts.workers),
          occupations: list(facts.occupations),
        });
      case 'remaining_quota': {
        const capacity = num(facts.capacity);
        const remaining = num(facts.remaining);
        const percent = capacity > 0 ? Math.round((100 * remaining) / capacity) : 0;
        return t('remaining_quota', { percent, remaining: format(remaining), capacity: format(capacity) });
      }
      case 'housing':
        return t('housing', {
          housingUnits: count(facts.housingUnits),
          adaptationCentrePlaces: count(facts.adaptationCentrePlaces),
          remaining: count(facts.remaining),
        });
      case 'language':
        return num(facts.known) === 0
          ? t('languages_unknown')
          : t('language', {
              speakers: count(facts.speakers),
              known: count(facts.known),
              // ISO 639-1 codes (kk, ru) named in the UI language.
              languages: Array.isArray(facts.languages)
                ? facts.languages.map((code) => languageName(String(code), locale)).join(', ')
                : list(facts.languages),
            });
    }
  };
}
