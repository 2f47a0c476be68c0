import { Chip, Stack, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, type FieldProps } from 'react-admin';
import { languageName } from './worldNames';

/** ISO 639-1 codes as language names in the UI language. */
export const LanguagesField = (_props: FieldProps) => {
  const record = useRecordContext<{ languages?: string[] }>();
  const [locale] = useLocaleState();
  const languages = record?.languages ?? [];
  if (languages.length === 0) return <Typography variant="body2">—</Typography>;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {languages.map((code) => (
        <Chip key={code} size="small" label={languageName(code, locale)} />
      ))}
    </Stack>
  );
};
