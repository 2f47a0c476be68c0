import { useState, type FormEvent } from 'react';
import {
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
} from '@mui/material';
import LockResetIcon from '@mui/icons-material/LockReset';
import {
  Button,
  HttpError,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { PASSWORD_MIN_LENGTH } from '../common/validators';
import type { QonysDataProvider } from '../providers/dataProvider';

/** POST /api/users/:id/reset-password, from a dialog; shown only to roles that may edit users. */
export const ResetPasswordButton = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const { canAccess } = useCanAccess({ resource: 'users', action: 'edit', record });
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ password?: string; confirm?: string }>({});
  const [busy, setBusy] = useState(false);

  if (!record || !canAccess) return null;

  const close = () => {
    setOpen(false);
    setPassword('');
    setConfirm('');
    setErrors({});
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (password.length < PASSWORD_MIN_LENGTH) found.password = translate('app.validation.password_length');
    if (confirm !== password) found.confirm = translate('app.validation.password_mismatch');
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      await dataProvider.resetPassword(Number(record.id), password);
      notify('app.notification.password_reset', { type: 'success' });
      close();
    } catch (error) {
      const fieldError = error instanceof HttpError ? error.body?.errors?.password : undefined;
      if (typeof fieldError === 'string') setErrors({ password: fieldError });
      else notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button label="app.action.reset_password" onClick={() => setOpen(true)}>
        <LockResetIcon />
      </Button>
      <Dialog open={open} onClose={close} aria-labelledby="reset-password-title" fullWidth maxWidth="xs">
        <form onSubmit={submit} noValidate>
          <DialogTitle id="reset-password-title">
            {translate('app.reset_password.title', { name: record.fullName ?? record.username })}
          </DialogTitle>
          <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
            <DialogContentText>{translate('app.reset_password.help')}</DialogContentText>
            <TextField
              name="newPassword"
              type="password"
              label={translate('app.reset_password.password')}
              autoComplete="new-password"
              autoFocus
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              error={Boolean(errors.password)}
              helperText={errors.password ?? translate('app.validation.password_length')}
            />
            <TextField
              name="newPasswordConfirm"
              type="password"
              label={translate('app.reset_password.confirm')}
              autoComplete="new-password"
              required
              value={confirm}
              onChange={(event) => setConfirm(event.target.value)}
              error={Boolean(errors.confirm)}
              helperText={errors.confirm ?? ' '}
            />
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={close} disabled={busy}>
              {translate('ra.action.cancel')}
            </MuiButton>
            <MuiButton type="submit" variant="contained" disabled={busy}>
              {translate('app.action.reset_password')}
            </MuiButton>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
};
