import { useState, type FormEvent } from 'react';
import { Box, Button, CircularProgress, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';

export interface CredentialsValue {
  username: string;
  password: string;
}

export const CredentialsStep = ({
  initial,
  busy,
  onSubmit,
  onInvalid,
}: {
  initial: CredentialsValue;
  busy: boolean;
  onSubmit: (value: CredentialsValue) => void;
  onInvalid: (message: string) => void;
}) => {
  const translate = useTranslate();
  const [username, setUsername] = useState(initial.username);
  const [password, setPassword] = useState(initial.password);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!username.trim() || !password) {
      onInvalid('app.login.errors.required');
      return;
    }
    onSubmit({ username: username.trim(), password });
  };

  return (
    <Box component="form" onSubmit={submit} noValidate sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <TextField
        id="username"
        name="username"
        label={translate('ra.auth.username')}
        autoComplete="username"
        autoFocus
        required
        fullWidth
        value={username}
        onChange={(event) => setUsername(event.target.value)}
        disabled={busy}
      />
      <TextField
        id="password"
        name="password"
        type="password"
        label={translate('ra.auth.password')}
        autoComplete="current-password"
        required
        fullWidth
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        disabled={busy}
      />
      <Button
        type="submit"
        variant="contained"
        color="primary"
        disabled={busy}
        startIcon={busy ? <CircularProgress size={18} color="inherit" /> : null}
      >
        {translate('ra.auth.sign_in')}
      </Button>
    </Box>
  );
};
