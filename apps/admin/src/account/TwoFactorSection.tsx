import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, Card, CardContent, TextField, Typography } from '@mui/material';
import SecurityIcon from '@mui/icons-material/Security';
import { requiresMfa } from '@qonys/domain';
import { HttpError, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { AuthenticatorEnrolment } from '../common/AuthenticatorEnrolment';
import { RecoveryCodes } from '../common/RecoveryCodes';
import type { MfaSetup, QonysDataProvider } from '../providers/dataProvider';
import type { SessionUser } from '../providers/session';

type Stage =
  { kind: 'idle' } | { kind: 'setup'; setup: MfaSetup } | { kind: 'codes'; codes: string[] } | { kind: 'done' };

/**
 * Optional two-factor enrolment: POST /auth/mfa/setup for a secret, then
 * POST /auth/mfa/enable with the app's code, which returns the recovery codes.
 */
export const TwoFactorSection = ({ user }: { user: SessionUser }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const [stage, setStage] = useState<Stage>({ kind: user.mfaEnabled ? 'done' : 'idle' });
  const [otp, setOtp] = useState('');
  const [otpError, setOtpError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const fail = (error: unknown) =>
    notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });

  const start = async () => {
    setBusy(true);
    try {
      setStage({ kind: 'setup', setup: await dataProvider.setupMfa() });
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

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
      const { recoveryCodes } = await dataProvider.enableMfa(code);
      notify('app.account.mfa.done', { type: 'success' });
      setStage(recoveryCodes.length ? { kind: 'codes', codes: recoveryCodes } : { kind: 'done' });
    } catch (error) {
      const fieldError = error instanceof HttpError ? error.body?.errors?.otp : undefined;
      setOtpError(typeof fieldError === 'string' ? fieldError : error instanceof Error ? error.message : null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card>
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Typography variant="h6" component="h2">
          {translate('app.account.mfa.title')}
        </Typography>
        {stage.kind === 'done' && <Alert severity="success">{translate('app.account.mfa.enabled')}</Alert>}
        {stage.kind === 'idle' && (
          <>
            <Typography variant="body2">
              {translate(requiresMfa(user.role) ? 'app.account.mfa.off_required' : 'app.account.mfa.off_optional')}
            </Typography>
            {!requiresMfa(user.role) && (
              <Box>
                <Button variant="outlined" startIcon={<SecurityIcon />} onClick={start} disabled={busy}>
                  {translate('app.account.mfa.start')}
                </Button>
              </Box>
            )}
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
              <Button onClick={() => setStage({ kind: 'idle' })} disabled={busy}>
                {translate('ra.action.cancel')}
              </Button>
              <Button type="submit" variant="contained" disabled={busy}>
                {translate('app.account.mfa.enable')}
              </Button>
            </Box>
          </Box>
        )}
        {stage.kind === 'codes' && (
          <RecoveryCodes codes={stage.codes} doneLabel="app.common.close" onDone={() => setStage({ kind: 'done' })} />
        )}
      </CardContent>
    </Card>
  );
};
