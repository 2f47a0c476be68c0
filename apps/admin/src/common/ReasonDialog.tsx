import { useState, type FormEvent, type ReactNode } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Stack,
  TextField,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { fieldErrorsOf, messageOf } from './errors';

export type FieldErrors = Record<string, string>;

/**
 * The dialog of a write that needs the official's reason (an override, a move, a
 * decision, a capacity change): its own inputs above the reason, required fields
 * checked before the call, the API's 400 shown under each field and anything else
 * above them, and the buttons held while the call runs.
 */
export const ReasonDialog = ({
  id,
  title,
  help,
  inputs = [],
  reasonLabel,
  reasonRequired = 'ra.validation.required',
  validate,
  submitLabel,
  submitColor = 'primary',
  onSubmit,
  onClose,
  children,
}: {
  /** Names the dialog for its title's aria link. */
  id: string;
  title: string;
  help?: ReactNode;
  /** The caller's own inputs: their errors show under them, not above. */
  inputs?: readonly string[];
  /** The reason field's label; without it the dialog asks no reason. */
  reasonLabel?: string;
  /** What to say when the reason is left empty (a translation key). */
  reasonRequired?: string;
  /** Checks the caller's inputs before the call: the errors by field (translation keys), empty when fine. */
  validate?: () => FieldErrors;
  submitLabel: string;
  submitColor?: 'primary' | 'success' | 'error';
  /** Makes the call with the trimmed reason; throws what the API answered. */
  onSubmit: (reason: string) => Promise<void>;
  onClose: () => void;
  /** The caller's inputs, given the errors to show under them, translated. */
  children?: (errors: FieldErrors) => ReactNode;
}) => {
  const translate = useTranslate();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = { ...validate?.() };
    if (reasonLabel && !reason.trim()) missing.reason = reasonRequired;
    if (Object.keys(missing).length > 0) return setErrors(missing);
    setBusy(true);
    try {
      await onSubmit(reason.trim());
    } catch (caught) {
      const fieldErrors = fieldErrorsOf(caught);
      setErrors(Object.keys(fieldErrors).length > 0 ? fieldErrors : { form: messageOf(caught) });
    } finally {
      setBusy(false);
    }
  };
  const shown: FieldErrors = Object.fromEntries(
    Object.entries(errors).map(([field, message]) => [field, translate(message, { _: message })]),
  );
  const other = Object.entries(shown).filter(([field]) => field !== 'reason' && !inputs.includes(field));

  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      // Opened from a list row: a click inside must not open the row.
      onClick={(event) => event.stopPropagation()}
      fullWidth
      maxWidth="sm"
      aria-labelledby={`${id}-title`}
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id={`${id}-title`}>{title}</DialogTitle>
        <DialogContent>
          {help && <DialogContentText>{help}</DialogContentText>}
          <Stack spacing={1} sx={{ mt: help ? 2 : 1 }}>
            {other.map(([field, message]) => (
              <Alert key={field} severity="error">
                {message}
              </Alert>
            ))}
            {children?.(shown)}
            {reasonLabel && (
              <TextField
                name="reason"
                label={reasonLabel}
                required
                multiline
                minRows={3}
                fullWidth
                value={reason}
                onChange={(event) => setReason(event.target.value)}
                error={Boolean(shown.reason)}
                helperText={shown.reason ?? ' '}
                slotProps={{ htmlInput: { maxLength: 2000 } }}
              />
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            {translate('ra.action.cancel')}
          </Button>
          <Button type="submit" variant="contained" color={submitColor} disabled={busy}>
            {submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
