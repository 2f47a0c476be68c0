import { useLocaleState, useRecordContext, type FieldProps } from 'react-admin';
import { Typography } from '@mui/material';
import type { LocalizedNames } from '../providers/dataProvider';

type NameSource = keyof LocalizedNames;

/** The name column for the UI language: nameKk, nameRu or nameEn. */
export const nameSource = (locale: string): NameSource =>
  locale === 'ru' ? 'nameRu' : locale === 'en' ? 'nameEn' : 'nameKk';

/** A record's name in the given language, falling back to Kazakh, then Russian. */
export function localizedName(record: Partial<LocalizedNames> | undefined, locale: string): string {
  if (!record) return '';
  return record[nameSource(locale)] || record.nameKk || record.nameRu || record.nameEn || '';
}

export function useNameSource(): NameSource {
  const [locale] = useLocaleState();
  return nameSource(locale);
}

export function useLocalizedName(): (record: Partial<LocalizedNames> | undefined) => string {
  const [locale] = useLocaleState();
  return (record) => localizedName(record, locale);
}

/** Shows the record's name in the UI language. */
export const LocalizedNameField = (_props: FieldProps) => {
  const record = useRecordContext<Partial<LocalizedNames>>();
  const name = useLocalizedName();
  return (
    <Typography component="span" variant="body2">
      {name(record)}
    </Typography>
  );
};
