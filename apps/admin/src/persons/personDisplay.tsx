import { Chip, Stack, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, type FieldProps } from 'react-admin';
import { countryName } from '../common/world/worldNames';
import type { Person } from '../providers/personTypes';

/** An ISO 3166 country code as the country's name in the UI language. */
export const CountryField = ({ source }: FieldProps & { source: 'citizenship' | 'countryOfOrigin' }) => {
  const record = useRecordContext<Person>();
  const [locale] = useLocaleState();
  const code = record?.[source];
  return (
    <Typography component="span" variant="body2">
      {code ? countryName(code, locale) : '—'}
    </Typography>
  );
};

/** Earlier or foreign spellings as chips. */
export const OtherSpellingsField = (_props: FieldProps) => {
  const record = useRecordContext<Person>();
  const spellings = record?.otherSpellings ?? [];
  if (spellings.length === 0) return <Typography variant="body2">—</Typography>;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {spellings.map((spelling) => (
        <Chip key={spelling} size="small" variant="outlined" label={spelling} />
      ))}
    </Stack>
  );
};
