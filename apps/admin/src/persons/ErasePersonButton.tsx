import { useState } from 'react';
import {
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import DeleteForeverIcon from '@mui/icons-material/DeleteForever';
import { ERASURE_REASONS, type ErasureReason } from '@qonys/domain';
import {
  Button,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { messageOf } from '../common/errors';
import type { QonysDataProvider } from '../providers/dataProvider';
import type { Person } from '../providers/personTypes';

/**
 * Erases the person's personal data (admins; docs/personal-data.md, Erasure). It cannot be
 * undone, so the admin chooses a reason and types the person's number to confirm.
 */
export const ErasePersonButton = () => {
  const record = useRecordContext<Person>();
  const { canAccess } = useCanAccess({ resource: 'erasures', action: 'create' });
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<ErasureReason | ''>('');
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  if (!record || !canAccess || record.erasedAt !== null || record.mergedIntoId !== null) return null;

  const close = () => {
    setOpen(false);
    setReason('');
    setTyped('');
  };
  const erase = async () => {
    if (reason === '') return;
    setBusy(true);
    try {
      await dataProvider.erasePerson(record.id, reason, record.version);
      notify('app.erasure.done', { type: 'success' });
      close();
      refresh();
    } catch (caught) {
      notify(messageOf(caught), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const confirmed = reason !== '' && typed.trim() === String(record.id);

  return (
    <>
      <Button label="app.erasure.button" color="error" onClick={() => setOpen(true)} data-testid="erase-person">
        <DeleteForeverIcon />
      </Button>
      <Dialog open={open} onClose={close} aria-labelledby="erase-person-title">
        <DialogTitle id="erase-person-title">{translate('app.erasure.title', { id: record.id })}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Typography variant="body2">{translate('app.erasure.help')}</Typography>
            <TextField
              select
              label={translate('app.erasure.reason')}
              value={reason}
              onChange={(event) => setReason(event.target.value as ErasureReason)}
              required
              slotProps={{ htmlInput: { 'data-testid': 'erase-reason' } }}
            >
              {ERASURE_REASONS.map((r) => (
                <MenuItem key={r} value={r}>
                  {translate(`app.erasure.reasons.${r}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              label={translate('app.erasure.confirm', { id: record.id })}
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
              slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': 'erase-confirm' } }}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={close}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton color="error" variant="contained" disabled={!confirmed || busy} onClick={() => void erase()}>
            {translate('app.erasure.submit')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
