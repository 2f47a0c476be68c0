import { Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';

/**
 * A record's machine code (a document type's or deadline's key, a legal ground's code):
 * the same in every language, so it is marked up as `<code>` and set in monospace —
 * readers, and the browser walk's language check, tell it from words.
 */
export const CodeField = ({ source }: { source: string }) => {
  const record = useRecordContext();
  return (
    <Typography component="code" variant="body2" sx={{ fontFamily: 'monospace' }}>
      {record?.[source] as string | undefined}
    </Typography>
  );
};
