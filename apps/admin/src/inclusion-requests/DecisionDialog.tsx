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
import { useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import { fieldErrorsOf, messageOf } from '../common/errors';
import type { QonysDataProvider } from '../providers/dataProvider';
import type { InclusionRequest } from '../providers/placementTypes';
import { useRegionNames } from '../quotas/useRegionNames';

export type DecisionKind = 'include' | 'refuse' | 'withdraw';

/**
 * The commission's decision on an inclusion request — include (reserving the whole
 * family on a region's quota) or refuse with a reason — or the family's withdrawal.
 */
export const DecisionDialog = ({
  request,
  kind,
  onClose,
}: {
  request: InclusionRequest;
  kind: DecisionKind;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const { nameOf } = useRegionNames();
  const [regionId, setRegionId] = useState<number>(request.regionId);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const needsReason = kind !== 'include';
  const regionChoices = [...new Set([request.regionId, ...request.preferredRegionIds])];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (needsReason && !reason.trim()) return setErrors({ reason: translate('ra.validation.required') });
    setBusy(true);
    try {
      if (kind === 'withdraw') await dataProvider.withdrawInclusion(request.id, reason.trim(), request.version);
      else
        await dataProvider.decideInclusion(request.id, {
          decision: kind,
          version: request.version,
          ...(kind === 'include' ? { regionId } : { reason: reason.trim() }),
        });
      notify(`app.inclusion.done.${kind}`, { type: 'success' });
      onClose();
      refresh();
    } catch (caught) {
      const fieldErrors = fieldErrorsOf(caught);
      setErrors(Object.keys(fieldErrors).length > 0 ? fieldErrors : { form: messageOf(caught) });
    } finally {
      setBusy(false);
    }
  };
  const other = Object.entries(errors).filter(([field]) => field !== 'reason' && field !== 'regionId');

  return (
    <Dialog open onClose={busy ? undefined : onClose} fullWidth maxWidth="sm" aria-labelledby="decision-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="decision-title">{translate(`app.inclusion.actions.${kind}`)}</DialogTitle>
        <DialogContent>
          <Stack spacing={1} sx={{ mt: 1 }}>
            {other.map(([field, message]) => (
              <Alert key={field} severity="error">
                {translate(message, { _: message })}
              </Alert>
            ))}
            {kind === 'include' && (
              <TextField
                select
                name="regionId"
                label={translate('resources.inclusion-requests.fields.regionId')}
                fullWidth
                value={regionId}
                onChange={(event) => setRegionId(Number(event.target.value))}
                error={Boolean(errors.regionId)}
                helperText={errors.regionId ?? translate('app.inclusion.include_help', { persons: request.persons })}
              >
                {regionChoices.map((id) => (
                  <MenuItem key={id} value={id}>
                    {nameOf(id)}
                  </MenuItem>
                ))}
              </TextField>
            )}
            {needsReason && (
              <TextField
                name="reason"
                label={translate('app.inclusion.reason')}
                required
                multiline
                minRows={3}
                fullWidth
                autoFocus
                value={reason}
                onChange={(event) => setReason(event.target.value)}
                error={Boolean(errors.reason)}
                helperText={errors.reason ?? ' '}
                slotProps={{ htmlInput: { maxLength: 2000 } }}
              />
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            {translate('ra.action.cancel')}
          </Button>
          <Button type="submit" variant="contained" color={kind === 'include' ? 'success' : 'error'} disabled={busy}>
            {translate(`app.inclusion.actions.${kind}`)}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
