import { useState } from 'react';
import { Alert, Box, Typography } from '@mui/material';
import type { CodedMessage } from '@qonys/domain';
import { Login, useLocale, useLogin, useTranslate } from 'react-admin';
import { translateMessage } from '../common/errors';
import { RecoveryCodes } from '../common/RecoveryCodes';
import { LanguageMenuButton } from '../layout/LanguageMenuButton';
import { LoginError, requestLogin, type MfaEnrolment } from '../providers/authProvider';
import type { Session } from '../providers/session';
import { CredentialsStep, type CredentialsValue } from './CredentialsStep';
import { OtpStep } from './OtpStep';

type Step =
  | { kind: 'credentials' }
  | { kind: 'otp'; enrolment: MfaEnrolment | null }
  | { kind: 'recovery'; session: Session; codes: string[] };

/**
 * Sign-in in up to three steps: username and password; a one-time code when
 * the API asks for one (with QR enrolment if the user has no second factor);
 * after an enrolment, the recovery codes, acknowledged before the session
 * starts.
 */
export const LoginPage = () => {
  const translate = useTranslate();
  const locale = useLocale();
  const login = useLogin();
  const [step, setStep] = useState<Step>({ kind: 'credentials' });
  const [credentials, setCredentials] = useState<CredentialsValue>({ username: '', password: '' });
  // A key of the page's own words, or the server's coded message: both said at render, in the current language.
  const [error, setError] = useState<string | CodedMessage | null>(null);
  const [busy, setBusy] = useState(false);

  const attempt = async (value: CredentialsValue, otp?: string) => {
    setBusy(true);
    setError(null);
    try {
      const { recoveryCodes, ...session } = await requestLogin({ ...value, otp });
      if (recoveryCodes?.length) {
        setStep({ kind: 'recovery', session, codes: recoveryCodes });
      } else {
        await login({ session });
      }
    } catch (caught) {
      if (caught instanceof LoginError && caught.mfaRequired) {
        setStep((previous) => ({
          kind: 'otp',
          enrolment: caught.mfaEnrolment ?? (previous.kind === 'otp' ? previous.enrolment : null),
        }));
        // The first 401 only asks for the code; a later one means the code was wrong.
        if (otp) setError(caught.coded ?? caught.message);
      } else {
        setError(caught instanceof LoginError ? (caught.coded ?? caught.message) : 'app.login.errors.failed');
      }
    } finally {
      setBusy(false);
    }
  };

  const finish = async (session: Session) => {
    setBusy(true);
    await login({ session });
  };

  return (
    <Login sx={{ '& .RaLogin-card': { width: 420, maxWidth: '94vw' } }}>
      <Box sx={{ px: 3, pb: 3, display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Box sx={{ textAlign: 'center' }}>
          <Typography variant="h5" component="h1">
            {translate('app.login.title')}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {translate('app.login.subtitle')}
          </Typography>
          <LanguageMenuButton />
        </Box>
        {error && (
          <Alert severity="error" role="alert" data-testid="login-error">
            {typeof error === 'string' ? translate(error, { _: error }) : translateMessage(error, translate, locale)}
          </Alert>
        )}
        {step.kind === 'credentials' && (
          <CredentialsStep
            initial={credentials}
            busy={busy}
            onInvalid={setError}
            onSubmit={(value) => {
              setCredentials(value);
              void attempt(value);
            }}
          />
        )}
        {step.kind === 'otp' && (
          <OtpStep
            enrolment={step.enrolment}
            busy={busy}
            onInvalid={setError}
            onSubmit={(otp) => void attempt(credentials, otp)}
            onBack={() => {
              setError(null);
              setCredentials({ username: credentials.username, password: '' });
              setStep({ kind: 'credentials' });
            }}
          />
        )}
        {step.kind === 'recovery' && (
          <RecoveryCodes codes={step.codes} busy={busy} onDone={() => void finish(step.session)} />
        )}
      </Box>
    </Login>
  );
};
