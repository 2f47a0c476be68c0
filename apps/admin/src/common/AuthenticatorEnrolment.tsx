import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

export interface AuthenticatorSecret {
  secret: string;
  qrCodeDataUrl: string;
}

/** The QR code to scan and the same key in text, grouped by four for typing. */
export const AuthenticatorEnrolment = ({ enrolment }: { enrolment: AuthenticatorSecret }) => {
  const translate = useTranslate();
  const grouped = enrolment.secret.replace(/(.{4})(?=.)/g, '$1 ');
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 1, my: 1 }}>
      {enrolment.qrCodeDataUrl.startsWith('data:image/') && (
        <img
          src={enrolment.qrCodeDataUrl}
          alt={translate('app.login.enrol_qr_alt')}
          width={200}
          height={200}
          data-testid="mfa-qr-code"
          style={{ imageRendering: 'pixelated', background: '#fff' }}
        />
      )}
      <Typography variant="body2" color="text.secondary">
        {translate('app.login.enrol_secret')}
      </Typography>
      <Typography
        component="code"
        data-testid="mfa-secret"
        data-secret={enrolment.secret}
        sx={{
          fontFamily: 'monospace',
          fontSize: '1.05rem',
          letterSpacing: 1,
          wordBreak: 'break-all',
          textAlign: 'center',
        }}
      >
        {grouped}
      </Typography>
    </Box>
  );
};
