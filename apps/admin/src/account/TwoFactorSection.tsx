import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, Card, CardContent, TextField, Typography } from '@mui/material';
import SecurityIcon from '@mui/icons-material/Security';
import { HttpError, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { AuthenticatorEnrolment } from '../common/AuthenticatorEnrolment';
import { RecoveryCodes } from '../common/RecoveryCodes';
import type { MfaSetup, QonysDataProvider } from '../providers/dataProvider';
import type { SessionUser } from '../providers/session';

type Stage =
  | { kind: 'off' }
  | { kind: 'on' }
  | { kind: 'setup'; setup: MfaSetup }
  | { kind: 'codes'; codes: string[] };

/** The API's message for one field of a 400, if that is what the error is. */
const fieldError = (error: unknown, field: string): string | null => {
  const message = error instanceof HttpError ? error.body?.errors?.[field] : undefined;
  return typeof message === 'string' ? message : null;
};

/**
 * One's own second factor: set up (POST /auth/mfa/setup, then /auth/mfa/enable with the
 * app's code, which returns recovery codes), replace (the same two steps while it is
 * on) or turn off (/auth/mfa/disable, unless the role requires it). Each step sends
 * the password again (docs/accounts.md).
 */
export const TwoFactorSection = ({ user }: { user: SessionUser }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const [stage, setStage] = useState<Stage>({ kind: user.mfaEnabled ? 'on' : 'off' });
  const [enabled, setEnabled] = useState(user.mfaEnabled);
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const [otp, setOtp] = useState('');
  const [otpError, setOtpError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** Runs a step that needs the password; a wrong one shows under the password field. */
  const withPassword = async (step: () => Promise<void>) => {
    if (!password) {
      setPasswordError(translate('ra.validation.required'));
      return;
    }
    setBusy(true);
    setPasswordError(null);
    try {
      await step();
    } catch (error) {
      const message = fieldError(error, 'password');
      if (message) setPasswordError(message);
      else notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const start = () =>
    withPassword(async () => {
      setOtp('');
      setStage({ kind: 'setup', setup: await dataProvider.setupMfa(password) });
    });

  const turnOff = () =>
    withPassword(async () => {
      await dataProvider.disableMfa(password);
      notify('app.account.mfa.turned_off', { type: 'success' });
      setPassword('');
      setEnabled(false);
      setStage({ kind: 'off' });
    });

  const enable = async (event: FormEvent) => {
    event.preventDefault();
    const code = otp.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(code)) {
      setOtpError(translate('app.login.errors.otp_enrol_format'));
      return;
    }
    setBusy(true);
    setOtpError(null);
    try {
      const { recoveryCodes } = await dataProvider.enableMfa(password, code);
      notify('app.account.mfa.done', { type: 'success' });
      setPassword('');
      setEnabled(true);
      setStage(recoveryCodes.length ? { kind: 'codes', codes: recoveryCodes } : { kind: 'on' });
    } catch (error) {
      setOtpError(fieldError(error, 'otp') ?? fieldError(error, 'password') ?? (error instanceof Error ? error.message : null));
    } finally {
      setBusy(false);
    }
  };

  const passwordField = (
    <TextField
      name="mfaPassword"
      type="password"
      label={translate('app.account.mfa.password')}
      autoComplete="current-password"
      value={password}
      onChange={(event) => setPassword(event.target.value)}
      error={Boolean(passwordError)}
      helperText={passwordError ?? translate('app.account.mfa.password_help')}
      disabled={busy}
    />
  );

  return (
    <Card>
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Typography variant="h6" component="h2">
          {translate('app.account.mfa.title')}
        </Typography>
        {stage.kind === 'on' && (
          <>
            <Alert severity="success">{translate('app.account.mfa.enabled')}</Alert>
            {user.mfaRequired && <Typography variant="body2">{translate('app.account.mfa.required_now')}</Typography>}
            {passwordField}
            <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
              <Button variant="outlined" startIcon={<SecurityIcon />} onClick={() => void start()} disabled={busy}>
                {translate('app.account.mfa.replace')}
              </Button>
              {!user.mfaRequired && (
                <Button color="error" onClick={() => void turnOff()} disabled={busy}>
                  {translate('app.account.mfa.turn_off')}
                </Button>
              )}
            </Box>
          </>
        )}
        {stage.kind === 'off' && (
          <>
            <Typography variant="body2">
              {translate(user.mfaRequired ? 'app.account.mfa.off_required' : 'app.account.mfa.off_optional')}
            </Typography>
            {passwordField}
            <Box>
              <Button variant="outlined" startIcon={<SecurityIcon />} onClick={() => void start()} disabled={busy}>
                {translate('app.account.mfa.start')}
              </Button>
            </Box>
          </>
        )}
        {stage.kind === 'setup' && (
          <Box component="form" onSubmit={enable} noValidate sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
            <Typography variant="body2">{translate('app.account.mfa.scan_help')}</Typography>
            <AuthenticatorEnrolment enrolment={stage.setup} />
            <TextField
              name="otp"
              label={translate('app.login.otp')}
              autoComplete="one-time-code"
              value={otp}
              onChange={(event) => setOtp(event.target.value)}
              error={Boolean(otpError)}
              helperText={otpError ?? translate('app.login.enrol_code_help')}
              slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 7 } }}
              disabled={busy}
            />
            <Box sx={{ display: 'flex', gap: 1 }}>
              <Button onClick={() => setStage({ kind: enabled ? 'on' : 'off' })} disabled={busy}>
                {translate('ra.action.cancel')}
              </Button>
              <Button type="submit" variant="contained" disabled={busy}>
                {translate('app.account.mfa.enable')}
              </Button>
            </Box>
          </Box>
        )}
        {stage.kind === 'codes' && (
          <RecoveryCodes codes={stage.codes} doneLabel="app.common.close" onDone={() => setStage({ kind: 'on' })} />
        )}
      </CardContent>
    </Card>
  );
};
