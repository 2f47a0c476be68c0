import { type Language, LANGUAGES } from './datasets';

const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);

/**
 * The reader's language: `?lang=` when it is kk, ru or en, else the first of those the
 * Accept-Language header ranks highest (`ru-RU;q=0.8` counts as ru), else `fallback`.
 */
export function pickLanguage(query: unknown, acceptLanguage: string | undefined, fallback: Language): Language {
  if (isLanguage(query)) return query;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, order) => {
      const [tag, ...options] = part.trim().toLowerCase().split(';');
      const q = options.map((o) => o.trim()).find((o) => o.startsWith('q='));
      return { lang: tag.split('-')[0], q: q ? Number(q.slice(2)) : 1, order };
    })
    .filter((entry) => isLanguage(entry.lang) && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  return ranked.length > 0 ? (ranked[0].lang as Language) : fallback;
}
