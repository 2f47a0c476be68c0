import DownloadIcon from '@mui/icons-material/Download';
import { Alert, Box, Button as MuiButton, LinearProgress, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Button, useCloseNotification, useListContext, useNotify, useTranslate, type RaRecord } from 'react-admin';
import { apiFetch, apiFetchFile } from '../../providers/httpClient';
import { saveFile } from '../saveFile';

interface ExportState {
  state: 'queued' | 'running' | 'completed' | 'failed';
  progress: { processed: number; total: number | null };
  rows: number | null;
  fileName: string | null;
}

const download = async (path: string, fallbackName: string) => {
  const file = await apiFetchFile(path);
  saveFile(file.blob, file.fileName ?? fallbackName);
};

/**
 * A large export written in the background (docs/exports.md), as a notification that
 * stays open: its progress while the server writes it, then the download.
 */
const ExportProgressNotice = ({ id, resource }: { id: string; resource: string }) => {
  const translate = useTranslate();
  const close = useCloseNotification();
  const [run, setRun] = useState<ExportState | null>(null);
  const [failed, setFailed] = useState(false);
  const done = run?.state === 'completed' || run?.state === 'failed' || failed;
  useEffect(() => {
    if (done) return undefined;
    const timer = setTimeout(
      () => {
        apiFetch(`/exports/${id}`)
          .then(({ json }) => setRun(json as ExportState))
          .catch(() => setFailed(true));
      },
      run === null ? 0 : 1000,
    );
    return () => clearTimeout(timer);
  }, [id, run, done]);
  if (failed || run?.state === 'failed')
    return (
      <Alert severity="error" onClose={close}>
        {translate('app.export.failed')}
      </Alert>
    );
  if (run?.state === 'completed')
    return (
      <Alert
        severity="success"
        onClose={close}
        action={
          <MuiButton
            color="inherit"
            size="small"
            startIcon={<DownloadIcon />}
            onClick={() =>
              void download(`/exports/${id}/file`, run.fileName ?? `${resource}.csv`).catch(() => setFailed(true))
            }
          >
            {translate('app.export.download')}
          </MuiButton>
        }
      >
        {translate('app.export.ready', { count: run.rows ?? 0 })}
      </Alert>
    );
  const total = run?.progress.total ?? null;
  const processed = run?.progress.processed ?? 0;
  return (
    <Alert severity="info" onClose={close} sx={{ minWidth: 320 }}>
      <Typography variant="body2">{translate('app.export.preparing')}</Typography>
      <Box sx={{ mt: 1 }}>
        <LinearProgress
          variant={total ? 'determinate' : 'indeterminate'}
          value={total ? Math.min(100, (processed / total) * 100) : undefined}
          aria-label={translate('app.export.preparing')}
        />
        {total !== null && (
          <Typography variant="caption">{translate('app.export.progress', { processed, total })}</Typography>
        )}
      </Box>
    </Alert>
  );
};

/**
 * Export on the server (GET /api/<resource>/export) with the list's current filters and
 * sort: a small list downloads at once, a large one is written in the background and
 * followed in a notification.
 */
export const ServerExportButton = ({ resource }: { resource: string }) => {
  const { filterValues, filter, sort, total } = useListContext<RaRecord>();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    const query = new URLSearchParams({
      format: 'csv',
      filter: JSON.stringify({ ...filterValues, ...filter }),
      sort: JSON.stringify([sort.field, sort.order]),
    });
    try {
      const file = await apiFetchFile(`/${resource}/export?${query.toString()}`);
      if (file.status === 202) {
        const { id } = JSON.parse(await file.blob.text()) as { id: string };
        notify(<ExportProgressNotice id={id} resource={resource} />, { autoHideDuration: null });
      } else saveFile(file.blob, file.fileName ?? `${resource}.csv`);
    } catch (error) {
      notify(error instanceof Error ? error.message : 'app.export.failed', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button label="ra.action.export" onClick={() => void onClick()} disabled={busy || total === 0}>
      <DownloadIcon />
    </Button>
  );
};
