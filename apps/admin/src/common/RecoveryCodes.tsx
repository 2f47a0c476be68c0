import { useState } from 'react';
import { Alert, Box, Button, Checkbox, FormControlLabel, Typography } from '@mui/material';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { useNotify, useTranslate } from 'react-admin';

/**
 * Recovery codes, shown once. `onDone` runs only after the user has ticked
 * "I have saved them".
 */
export const RecoveryCodes = ({
  codes,
  onDone,
  doneLabel = 'app.login.continue',
  busy = false,
}: {
  codes: string[];
  onDone: () => void;
  doneLabel?: string;
  busy?: boolean;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [saved, setSaved] = useState(false);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      notify('app.common.copied', { type: 'info' });
    } catch {
      // Clipboard refused (insecure context): the codes stay on screen to copy by hand.
    }
  };

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      <Typography variant="h6" component="h2">
        {translate('app.login.recovery_title')}
      </Typography>
      <Alert severity="warning">{translate('app.login.recovery_help')}</Alert>
      <Box
        component="ol"
        data-testid="recovery-codes"
        sx={{
          display: 'grid',
          gridTemplateColumns: 'repeat(2, 1fr)',
          gap: 0.5,
          fontFamily: 'monospace',
          fontSize: '1.05rem',
          m: 0,
          pl: 4,
        }}
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </Box>
      <Button onClick={copy} startIcon={<ContentCopyIcon />} variant="outlined" size="small">
        {translate('app.common.copy')}
      </Button>
      <FormControlLabel
        control={
          <Checkbox name="recoveryCodesSaved" checked={saved} onChange={(event) => setSaved(event.target.checked)} />
        }
        label={translate('app.login.recovery_confirm')}
      />
      <Button variant="contained" disabled={!saved || busy} onClick={onDone}>
        {translate(doneLabel)}
      </Button>
    </Box>
  );
};
