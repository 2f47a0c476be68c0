import { useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import { fieldErrorsOf, messageOf } from '../common/errors';
import type { QonysDataProvider } from '../providers/dataProvider';
import type { PlacementProposal } from '../providers/placementTypes';

/**
 * Sends one family to another region than the solver proposed. The reason is
 * required (the API refuses an override without one) and recorded with the override.
 */
export const OverrideDialog = ({
  proposal,
  regions,
  onClose,
  onDone,
}: {
  proposal: PlacementProposal;
  /** The regions with a quota in the batch's year and category, named. */
  regions: { id: number; name: string }[];
  onClose: () => void;
  onDone: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const [regionId, setRegionId] = useState<number | ''>('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const choices = regions.filter((region) => region.id !== proposal.finalRegionId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const required = translate('ra.validation.required');
    const missing: Record<string, string> = {};
    if (regionId === '') missing.regionId = required;
    if (!reason.trim()) missing.reason = translate('app.placement.override_reason_required');
    if (Object.keys(missing).length > 0) return setErrors(missing);
    setBusy(true);
    try {
      await dataProvider.overrideProposal(proposal.batchId, proposal.id, regionId as number, reason.trim());
      notify('app.placement.overridden', { type: 'success' });
      onDone();
    } catch (caught) {
      const fieldErrors = fieldErrorsOf(caught);
      setErrors(Object.keys(fieldErrors).length > 0 ? fieldErrors : { form: messageOf(caught) });
    } finally {
      setBusy(false);
    }
  };
  const other = Object.entries(errors).filter(([field]) => field !== 'regionId' && field !== 'reason');

  return (
    <Dialog open onClose={busy ? undefined : onClose} fullWidth maxWidth="sm" aria-labelledby="override-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="override-title">
          {translate('app.placement.override_title', { id: proposal.applicationNumber ?? proposal.applicationId })}
        </DialogTitle>
        <DialogContent>
          <Stack spacing={1} sx={{ mt: 1 }}>
            {other.map(([field, message]) => (
              <Alert key={field} severity="error">
                {translate(message, { _: message })}
              </Alert>
            ))}
            <TextField
              select
              name="regionId"
              label={translate('app.placement.override_region')}
              required
              fullWidth
              value={regionId}
              onChange={(event) => setRegionId(Number(event.target.value))}
              error={Boolean(errors.regionId)}
              helperText={errors.regionId ?? ' '}
            >
              {choices.map((region) => (
                <MenuItem key={region.id} value={region.id}>
                  {region.name}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              name="reason"
              label={translate('app.placement.override_reason')}
              required
              multiline
              minRows={3}
              fullWidth
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              error={Boolean(errors.reason)}
              helperText={errors.reason ? translate(errors.reason, { _: errors.reason }) : ' '}
              slotProps={{ htmlInput: { maxLength: 2000 } }}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            {translate('ra.action.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {translate('app.placement.override')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
