import { useLocaleState, useRecordContext, type FieldProps } from 'react-admin';
import { Typography } from '@mui/material';
import type { LocalizedNames } from '../providers/dataProvider';

type NameSource = keyof LocalizedNames;
type Suffix = 'Kk' | 'Ru' | 'En';

const suffix = (locale: string): Suffix => (locale === 'ru' ? 'Ru' : locale === 'en' ? 'En' : 'Kk');

/** The name column for the UI language: nameKk, nameRu or nameEn. */
export const nameSource = (locale: string): NameSource => `name${suffix(locale)}`;

/**
 * A text kept in three columns (`<base>Kk`, `<base>Ru`, `<base>En`: a name, a regional
 * centre, a legal basis) in the given language, falling back to Kazakh, then Russian.
 */
export function localizedText(record: object | undefined, base: string, locale: string): string {
  if (!record) return '';
  const texts = record as Record<string, unknown>;
  return (
    [suffix(locale), 'Kk', 'Ru', 'En']
      .map((s) => texts[`${base}${s}`])
      .find((text): text is string => typeof text === 'string' && text !== '') ?? ''
  );
}

/** A record's name in the given language, falling back to Kazakh, then Russian. */
export const localizedName = (record: Partial<LocalizedNames> | undefined, locale: string): string =>
  localizedText(record, 'name', locale);

export function useNameSource(): NameSource {
  const [locale] = useLocaleState();
  return nameSource(locale);
}

export function useLocalizedName(): (record: Partial<LocalizedNames> | undefined) => string {
  const [locale] = useLocaleState();
  return (record) => localizedName(record, locale);
}

export function useLocalizedText(): (record: object | undefined, base: string) => string {
  const [locale] = useLocaleState();
  return (record, base) => localizedText(record, base, locale);
}

/** Shows one of the record's three-language texts (`base`: 'centre', 'source'…) in the UI language. */
export const LocalizedTextField = ({ base }: { base: string }) => {
  const record = useRecordContext();
  const text = useLocalizedText();
  return (
    <Typography component="span" variant="body2">
      {text(record, base)}
    </Typography>
  );
};

/** Shows the record's name in the UI language. */
export const LocalizedNameField = (_props: FieldProps) => <LocalizedTextField base="name" />;
