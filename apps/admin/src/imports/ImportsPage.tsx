import { useState, type FormEvent } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  LinearProgress,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { IMPORT_KINDS, IMPORT_LOCALES, IMPORT_MODES, type CodedMessage, type ImportState } from '@qonys/domain';
import {
  Title,
  useCanAccess,
  useDataProvider,
  useGetList,
  useGetOne,
  useLocaleState,
  useNotify,
  useTranslate,
} from 'react-admin';
import { useFormatDateTime } from '../common/CalendarDate';
import { messageOf } from '../common/errors';
import { saveFile } from '../common/saveFile';
import { useFormatNumber } from '../common/useFormatNumber';
import { useTranslateMessage } from '../common/useTranslateMessage';
import { apiFetchFile } from '../providers/httpClient';
import type { QonysDataProvider } from '../providers/dataProvider';

/** How often the screen asks again while a run is queued or running. */
const POLL_MS = 1000;

interface ImportRun {
  id: string;
  kind: string;
  mode: string;
  state: ImportState;
  fileName: string;
  createdAt: string;
  progress: { rowsRead: number; rowsValid: number; rowsWritten: number };
  report: {
    inserted: number | null;
    updated: number | null;
    unchanged: number | null;
    errors: { row: number; field: string; message: CodedMessage }[];
  };
  errorCount: number;
  error: CodedMessage | null;
}

const active = (run: { state: ImportState }) => run.state === 'queued' || run.state === 'running';
const COLOURS: Record<ImportState, 'default' | 'info' | 'success' | 'error'> = {
  queued: 'default',
  running: 'info',
  completed: 'success',
  failed: 'error',
};

const download = async (path: string, fallback: string) => {
  const file = await apiFetchFile(path);
  saveFile(file.blob, file.fileName ?? fallback);
};

/** One run: its progress while it runs, then its report, its errors and the error file. */
const RunDetail = ({ id }: { id: string }) => {
  const translate = useTranslate();
  const translateMessage = useTranslateMessage();
  const formatNumber = useFormatNumber();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const { data: run } = useGetOne<ImportRun>(
    'imports',
    { id },
    { refetchInterval: (query) => (query.state.data && active(query.state.data) ? POLL_MS : false) },
  );
  if (!run) return <LinearProgress />;
  const { rowsRead, rowsValid, rowsWritten } = run.progress;
  const n = (value: number | null) => formatNumber(value ?? 0);
  return (
    <Stack spacing={1} data-field="import-run">
      <Typography variant="body2">
        {translate('app.imports.progress', { read: n(rowsRead), valid: n(rowsValid), written: n(rowsWritten) })}
      </Typography>
      {active(run) && <LinearProgress aria-label={translate('app.imports.states.running')} />}
      {run.state === 'completed' && (
        <Alert severity="success" data-field="report">
          {translate('app.imports.report', {
            inserted: n(run.report.inserted),
            updated: n(run.report.updated),
            unchanged: n(run.report.unchanged),
          })}
        </Alert>
      )}
      {run.state === 'failed' && run.error && <Alert severity="error">{translateMessage(run.error)}</Alert>}
      {run.errorCount > 0 && (
        <>
          <Box>
            <Typography variant="body2" component="span" sx={{ mr: 2 }}>
              {translate('app.imports.error_count', { count: n(run.errorCount) })}
            </Typography>
            <Button
              size="small"
              onClick={() =>
                download(`/imports/${run.id}/errors.csv?locale=${locale}`, 'errors.csv').catch((caught: unknown) =>
                  notify(messageOf(caught), { type: 'error' }),
                )
              }
            >
              {translate('app.imports.download_errors')}
            </Button>
          </Box>
          <Table size="small" aria-label={translate('app.imports.error_count', { count: n(run.errorCount) })}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.imports.row')}</TableCell>
                <TableCell>{translate('app.imports.field')}</TableCell>
                <TableCell>{translate('app.imports.message')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {run.report.errors.slice(0, 100).map((e, index) => (
                <TableRow key={index}>
                  <TableCell>{e.row}</TableCell>
                  <TableCell>{e.field}</TableCell>
                  <TableCell>{translateMessage(e.message)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </Stack>
  );
};

/** The form that starts an import, with a template of each kind in each language. */
const NewImport = ({ onStarted }: { onStarted: (id: string) => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const [kind, setKind] = useState<string>('persons');
  const [mode, setMode] = useState<string>('dry-run');
  const [regionCode, setRegionCode] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return setError(translate('app.imports.file_required'));
    setBusy(true);
    setError(null);
    try {
      const run = await dataProvider.startImport({ kind, mode, regionCode, file });
      notify('app.imports.started_ok', { type: 'info' });
      onStarted(run.id);
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack spacing={2}>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <TextField
            select
            label={translate('app.imports.kind')}
            value={kind}
            onChange={(e) => setKind(e.target.value)}
            sx={{ minWidth: 220 }}
          >
            {IMPORT_KINDS.map((k) => (
              <MenuItem key={k} value={k}>
                {translate(`app.imports.kinds.${k}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            label={translate('app.imports.mode')}
            value={mode}
            onChange={(e) => setMode(e.target.value)}
            sx={{ minWidth: 220 }}
          >
            {IMPORT_MODES.map((m) => (
              <MenuItem key={m} value={m}>
                {translate(`app.imports.modes.${m}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label={translate('app.imports.region_code')}
            value={regionCode}
            onChange={(e) => setRegionCode(e.target.value.trim())}
            slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 2 } }}
          />
        </Stack>
        <Box>
          <Typography variant="body2" component="label">
            {translate('app.imports.file')}{' '}
            <input
              type="file"
              name="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
          </Typography>
        </Box>
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
          {IMPORT_LOCALES.map((language) => (
            <Button
              key={language}
              size="small"
              onClick={() =>
                download(`/imports/templates/${kind}?locale=${language}`, `${kind}-${language}.csv`).catch(
                  (caught: unknown) => notify(messageOf(caught), { type: 'error' }),
                )
              }
            >
              {translate('app.imports.template', { language: language.toUpperCase() })}
            </Button>
          ))}
        </Stack>
        {error && <Alert severity="error">{translate(error, { _: error })}</Alert>}
        <Box>
          <Button type="submit" variant="contained" disabled={busy}>
            {translate('app.imports.start')}
          </Button>
        </Box>
      </Stack>
    </form>
  );
};

/** Bulk imports (docs/imports.md): the form, and the recent runs, polled while one runs. */
export const ImportsPage = () => {
  const translate = useTranslate();
  const formatTime = useFormatDateTime();
  const { canAccess: canCreate } = useCanAccess({ resource: 'imports', action: 'create' });
  const [selected, setSelected] = useState<string | null>(null);
  const runs = useGetList<ImportRun>(
    'imports',
    { pagination: { page: 1, perPage: 20 }, sort: { field: 'createdAt', order: 'DESC' } },
    { refetchInterval: (query) => (query.state.data?.data.some(active) ? POLL_MS : false) },
  );
  return (
    <Stack spacing={2} sx={{ mt: 1, mb: 2 }}>
      <Title title={translate('app.imports.title')} />
      {runs.error && <Alert severity="error">{translate('app.imports.load_error')}</Alert>}
      {canCreate && (
        <Card>
          <CardContent>
            <Typography variant="h6" component="h2" gutterBottom>
              {translate('app.imports.new_heading')}
            </Typography>
            <NewImport
              onStarted={(id) => {
                setSelected(id);
                void runs.refetch();
              }}
            />
          </CardContent>
        </Card>
      )}
      <Card>
        <CardContent>
          <Typography variant="h6" component="h2" gutterBottom>
            {translate('app.imports.runs_heading')}
          </Typography>
          {runs.data?.length === 0 && <Typography variant="body2">{translate('app.imports.no_runs')}</Typography>}
          <Stack spacing={1}>
            {runs.data?.map((run) => (
              <Box key={run.id} sx={{ borderBottom: 1, borderColor: 'divider', pb: 1 }}>
                <Button
                  size="small"
                  onClick={() => setSelected(selected === run.id ? null : run.id)}
                  sx={{ textTransform: 'none' }}
                >
                  {translate(`app.imports.kinds.${run.kind}`, { _: run.kind })} ·{' '}
                  {translate(`app.imports.modes.${run.mode}`, { _: run.mode })} · {run.fileName}
                </Button>{' '}
                <Chip
                  size="small"
                  color={COLOURS[run.state]}
                  label={translate(`app.imports.states.${run.state}`)}
                  data-field="state"
                />{' '}
                <Typography variant="caption">
                  {translate('app.imports.created_at', { time: formatTime(run.createdAt) })}
                </Typography>
                {selected === run.id && <RunDetail id={run.id} />}
              </Box>
            ))}
          </Stack>
        </CardContent>
      </Card>
    </Stack>
  );
};

export default ImportsPage;
