import { useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import { fieldErrorsOf, messageOf } from '../common/errors';
import type { QonysDataProvider } from '../providers/dataProvider';
import type { Settlement } from '../providers/placementTypes';
import { useRegionNames } from '../quotas/useRegionNames';
import { useSettlementRegions } from '../quotas/useSettlementRegions';

const INPUTS = ['regionId', 'reason'] as const;

/**
 * Moves a family to another region: a new reservation on that region's quota (the
 * old one released) and a new settlement. A full quota answers 409 with its message.
 */
export const MoveDialog = ({
  settlement,
  onClose,
  onMoved,
}: {
  settlement: Settlement;
  onClose: () => void;
  onMoved: (moved: Settlement) => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const { nameOf } = useRegionNames();
  const { regions, label } = useSettlementRegions(settlement.year);
  const [regionId, setRegionId] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const targets = regions.filter((region) => region.id !== settlement.regionId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const required = translate('ra.validation.required');
    const missing: Record<string, string> = {};
    if (!regionId) missing.regionId = required;
    if (!reason.trim()) missing.reason = required;
    if (Object.keys(missing).length > 0) return setErrors(missing);
    setBusy(true);
    try {
      const moved = await dataProvider.moveSettlement(
        settlement.id,
        Number(regionId),
        reason.trim(),
        settlement.version,
      );
      notify('app.settlements.moved', { type: 'success', messageArgs: { region: nameOf(moved.regionId) } });
      onMoved(moved);
    } catch (caught) {
      const fieldErrors = fieldErrorsOf(caught);
      setErrors(Object.keys(fieldErrors).length > 0 ? fieldErrors : { form: messageOf(caught) });
    } finally {
      setBusy(false);
    }
  };
  const other = Object.entries(errors).filter(([field]) => !(INPUTS as readonly string[]).includes(field));

  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      onClick={(event) => event.stopPropagation()}
      fullWidth
      maxWidth="sm"
      aria-labelledby="move-title"
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id="move-title">{translate('app.settlements.move')}</DialogTitle>
        <DialogContent>
          <DialogContentText>
            {translate('app.settlements.move_help', {
              persons: settlement.persons,
              region: nameOf(settlement.regionId),
              year: settlement.year,
            })}
          </DialogContentText>
          <Stack spacing={1} sx={{ mt: 2 }}>
            {other.map(([field, message]) => (
              <Alert key={field} severity="error">
                {translate(message, { _: message })}
              </Alert>
            ))}
            <TextField
              select
              name="regionId"
              label={translate('app.settlements.move_to')}
              required
              fullWidth
              value={regionId}
              onChange={(event) => setRegionId(event.target.value)}
              error={Boolean(errors.regionId)}
              helperText={errors.regionId ?? ' '}
            >
              {targets.map((region) => (
                <MenuItem key={region.id} value={String(region.id)}>
                  {label(region)}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              name="reason"
              label={translate('app.settlements.move_reason')}
              required
              multiline
              minRows={3}
              fullWidth
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              error={Boolean(errors.reason)}
              helperText={errors.reason ?? ' '}
              slotProps={{ htmlInput: { maxLength: 2000 } }}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            {translate('ra.action.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {translate('app.settlements.move')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
