import { useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { ARRIVALS_HISTORY_IMPORT_COLUMNS, type CodedMessage } from '@qonys/domain';
import { HttpError, useCanAccess, useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import { fieldErrorsOf, messageOf } from '../common/errors';
import { useTranslateMessage } from '../common/useTranslateMessage';
import type { QonysDataProvider } from '../providers/dataProvider';

type RowError = CodedMessage & { row: number; field: string };

const rowErrorsOf = (error: unknown): RowError[] => {
  if (!(error instanceof HttpError)) return [];
  const rows = (error.body as { rows?: unknown } | null)?.rows;
  return Array.isArray(rows) ? (rows as RowError[]) : [];
};

/** Imports published arrivals history from CSV or XLSX; a refused file lists its rows' problems and writes nothing. */
export const HistoryImportButton = () => {
  const translate = useTranslate();
  const translateMessage = useTranslateMessage();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const { canAccess } = useCanAccess({ resource: 'arrivals-history', action: 'create' });
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [rowErrors, setRowErrors] = useState<RowError[]>([]);
  const [busy, setBusy] = useState(false);
  if (!canAccess) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return setError(translate('app.arrivals_history.file_required'));
    setBusy(true);
    setError(null);
    setRowErrors([]);
    try {
      const result = await dataProvider.importArrivalsHistory(file);
      notify('app.arrivals_history.imported', { type: 'success', messageArgs: { ...result } });
      setOpen(false);
      refresh();
    } catch (caught) {
      const rows = rowErrorsOf(caught);
      setRowErrors(rows);
      setError((rows.length === 0 && Object.values(fieldErrorsOf(caught)).join(' ')) || messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button size="small" startIcon={<UploadFileIcon />} onClick={() => setOpen(true)}>
        {translate('app.arrivals_history.import')}
      </Button>
      {open && (
        <Dialog
          open
          onClose={busy ? undefined : () => setOpen(false)}
          fullWidth
          maxWidth="md"
          aria-labelledby="history-import-title"
        >
          <form onSubmit={submit} noValidate>
            <DialogTitle id="history-import-title">{translate('app.arrivals_history.import')}</DialogTitle>
            <DialogContent>
              <Stack spacing={2} sx={{ mt: 1 }}>
                <Typography variant="body2">
                  {translate('app.arrivals_history.columns_help', {
                    columns: ARRIVALS_HISTORY_IMPORT_COLUMNS.join(','),
                  })}
                </Typography>
                <input
                  type="file"
                  name="file"
                  accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  onChange={(event) => setFile(event.target.files?.[0] ?? null)}
                />
                {error && <Alert severity="error">{translate(error, { _: error })}</Alert>}
                {rowErrors.length > 0 && (
                  <Table size="small" aria-label={translate('app.arrivals_history.row_errors')}>
                    <TableHead>
                      <TableRow>
                        <TableCell>{translate('app.arrivals_history.row')}</TableCell>
                        <TableCell>{translate('app.arrivals_history.field')}</TableCell>
                        <TableCell>{translate('app.arrivals_history.message')}</TableCell>
                      </TableRow>
                    </TableHead>
                    <TableBody>
                      {rowErrors.map((row, index) => (
                        <TableRow key={index}>
                          <TableCell>{row.row}</TableCell>
                          <TableCell>{row.field}</TableCell>
                          <TableCell>{translateMessage(row)}</TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                )}
              </Stack>
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setOpen(false)} disabled={busy}>
                {translate('ra.action.cancel')}
              </Button>
              <Button type="submit" variant="contained" disabled={busy}>
                {translate('app.arrivals_history.upload')}
              </Button>
            </DialogActions>
          </form>
        </Dialog>
      )}
    </>
  );
};
