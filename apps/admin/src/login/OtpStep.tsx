import { useState, type FormEvent } from 'react';
import { Box, Button, CircularProgress, TextField, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { AuthenticatorEnrolment } from '../common/AuthenticatorEnrolment';
import type { MfaEnrolment } from '../providers/authProvider';
import { isValidOtp, normaliseOtp } from './otp';

/**
 * The second step: a TOTP code or a recovery code; for a user without a
 * second factor yet, the QR code and key to enrol first.
 */
export const OtpStep = ({
  enrolment,
  busy,
  onSubmit,
  onBack,
  onInvalid,
}: {
  enrolment: MfaEnrolment | null;
  busy: boolean;
  onSubmit: (otp: string) => void;
  onBack: () => void;
  onInvalid: (message: string) => void;
}) => {
  const translate = useTranslate();
  const [otp, setOtp] = useState('');
  const enrolling = enrolment !== null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = normaliseOtp(otp);
    if (!isValidOtp(value, enrolling)) {
      onInvalid(enrolling ? 'app.login.errors.otp_enrol_format' : 'app.login.errors.otp_format');
      return;
    }
    onSubmit(value);
  };

  return (
    <Box component="form" onSubmit={submit} noValidate sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Typography variant="h6" component="h2">
        {translate(enrolling ? 'app.login.enrol_title' : 'app.login.otp_title')}
      </Typography>
      <Typography variant="body2">{translate(enrolling ? 'app.login.enrol_help' : 'app.login.otp_help')}</Typography>
      {enrolment && <AuthenticatorEnrolment enrolment={enrolment} />}
      {enrolling && <Typography variant="body2">{translate('app.login.enrol_code_help')}</Typography>}
      <TextField
        id="otp"
        name="otp"
        label={translate('app.login.otp')}
        autoComplete="one-time-code"
        autoFocus
        required
        fullWidth
        value={otp}
        onChange={(event) => setOtp(event.target.value)}
        disabled={busy}
        slotProps={{
          htmlInput: {
            inputMode: enrolling ? 'numeric' : 'text',
            maxLength: enrolling ? 7 : 11,
            spellCheck: false,
            autoCapitalize: 'off',
          },
        }}
      />
      <Box sx={{ display: 'flex', gap: 1, justifyContent: 'space-between' }}>
        <Button onClick={onBack} disabled={busy}>
          {translate('app.login.back')}
        </Button>
        <Button
          type="submit"
          variant="contained"
          disabled={busy}
          startIcon={busy ? <CircularProgress size={18} color="inherit" /> : null}
        >
          {translate('app.login.otp_verify')}
        </Button>
      </Box>
    </Box>
  );
};
