import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';

type Changes = Record<string, { before?: unknown; after?: unknown }>;

const show = (value: unknown): string => {
  if (value === undefined) return '';
  if (value === null) return '∅';
  return typeof value === 'string' ? value : JSON.stringify(value);
};

/** `changes: { field: { before, after } }` as a three-column table. */
export const ChangesField = (_props: FieldProps) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const changes = (record?.changes ?? null) as Changes | null;
  const entries = changes && typeof changes === 'object' ? Object.entries(changes) : [];
  if (entries.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('app.audit.no_changes')}
      </Typography>
    );
  }
  return (
    <Table size="small" data-testid="audit-changes" aria-label={translate('app.audit.changes')}>
      <TableHead>
        <TableRow>
          <TableCell component="th">{translate('app.audit.field')}</TableCell>
          <TableCell component="th">{translate('app.audit.before')}</TableCell>
          <TableCell component="th">{translate('app.audit.after')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {entries.map(([field, change]) => (
          <TableRow key={field}>
            <TableCell>
              <code>{field}</code>
            </TableCell>
            <TableCell sx={{ wordBreak: 'break-all' }}>{show(change?.before)}</TableCell>
            <TableCell sx={{ wordBreak: 'break-all' }}>{show(change?.after)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
