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
  TextField,
} from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { HttpError, useCanAccess, useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import { fieldErrorsOf, messageOf } from '../common/errors';
import type { QonysDataProvider } from '../providers/dataProvider';
import type { ImportRowError } from '../providers/placementTypes';
import { ImportColumnsHelp } from './ImportColumnsHelp';

const rowErrorsOf = (error: unknown): ImportRowError[] => {
  if (!(error instanceof HttpError)) return [];
  const rows = (error.body as { rows?: unknown } | null)?.rows;
  return Array.isArray(rows) ? (rows as ImportRowError[]) : [];
};

/** Imports labour demand from CSV or XLSX; a refused file lists its rows' errors and writes nothing. */
export const ImportButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const { canAccess } = useCanAccess({ resource: 'labour-demand', action: 'create' });
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [rowErrors, setRowErrors] = useState<ImportRowError[]>([]);
  const [busy, setBusy] = useState(false);
  if (!canAccess) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return setError(translate('app.labour_demand.file_required'));
    setBusy(true);
    setError(null);
    setRowErrors([]);
    try {
      const result = await dataProvider.importLabourDemand(file, source.trim() || undefined);
      notify('app.labour_demand.imported', { type: 'success', messageArgs: { ...result } });
      setOpen(false);
      refresh();
    } catch (caught) {
      const rows = rowErrorsOf(caught);
      setRowErrors(rows);
      // A refused file: the summary above its rows; any other refusal: what is wrong with the file.
      setError((rows.length === 0 && Object.values(fieldErrorsOf(caught)).join(' ')) || messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button size="small" startIcon={<UploadFileIcon />} onClick={() => setOpen(true)}>
        {translate('app.labour_demand.import')}
      </Button>
      {open && (
        <Dialog
          open
          onClose={busy ? undefined : () => setOpen(false)}
          fullWidth
          maxWidth="md"
          aria-labelledby="import-title"
        >
          <form onSubmit={submit} noValidate>
            <DialogTitle id="import-title">{translate('app.labour_demand.import')}</DialogTitle>
            <DialogContent>
              <Stack spacing={2} sx={{ mt: 1 }}>
                <ImportColumnsHelp />
                <input
                  type="file"
                  name="file"
                  accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  onChange={(event) => setFile(event.target.files?.[0] ?? null)}
                />
                <TextField
                  name="source"
                  label={translate('resources.labour-demand.fields.source')}
                  fullWidth
                  value={source}
                  onChange={(event) => setSource(event.target.value)}
                />
                {error && <Alert severity="error">{translate(error, { _: error })}</Alert>}
                {rowErrors.length > 0 && (
                  <Table size="small" aria-label={translate('app.labour_demand.row_errors')}>
                    <TableHead>
                      <TableRow>
                        <TableCell>{translate('app.labour_demand.row')}</TableCell>
                        <TableCell>{translate('app.labour_demand.field')}</TableCell>
                        <TableCell>{translate('app.labour_demand.message')}</TableCell>
                      </TableRow>
                    </TableHead>
                    <TableBody>
                      {rowErrors.map((row, index) => (
                        <TableRow key={index}>
                          <TableCell>{row.row}</TableCell>
                          <TableCell>{row.field}</TableCell>
                          <TableCell>{row.message}</TableCell>
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
                {translate('app.labour_demand.upload')}
              </Button>
            </DialogActions>
          </form>
        </Dialog>
      )}
    </>
  );
};
