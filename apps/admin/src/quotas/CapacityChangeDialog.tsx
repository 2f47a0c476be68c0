import { useState, type FormEvent } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import { todayInKazakhstan } from '@qonys/domain';
import { fieldErrorsOf, messageOf } from '../common/errors';
import type { QonysDataProvider } from '../providers/dataProvider';
import type { Quota } from '../providers/placementTypes';

const INPUTS = ['entryDate', 'capacityDelta', 'legalAct', 'reason'] as const;
type Input = (typeof INPUTS)[number];

/** A change of capacity during the year: a new ledger entry with its date, act and reason (never an edit). */
export const CapacityChangeDialog = ({
  quota,
  onClose,
  onChanged,
}: {
  quota: Quota;
  onClose: () => void;
  onChanged: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const [values, setValues] = useState<Record<Input, string>>({
    entryDate: todayInKazakhstan(),
    capacityDelta: '',
    legalAct: '',
    reason: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const required = translate('ra.validation.required');
    const missing = Object.fromEntries(
      INPUTS.filter((input) => !values[input].trim()).map((input) => [input, required]),
    );
    const delta = Number(values.capacityDelta);
    if (values.capacityDelta.trim() && (!Number.isInteger(delta) || delta === 0))
      missing.capacityDelta = translate('app.quotas.delta_invalid');
    if (Object.keys(missing).length > 0) return setErrors(missing);
    setBusy(true);
    try {
      await dataProvider.changeQuotaCapacity(quota.id, {
        entryDate: values.entryDate,
        capacityDelta: delta,
        legalAct: values.legalAct.trim(),
        reason: values.reason.trim(),
        version: quota.version,
      });
      notify('app.quotas.changed', { type: 'success' });
      onChanged();
    } catch (caught) {
      const fieldErrors = fieldErrorsOf(caught);
      setErrors(Object.keys(fieldErrors).length > 0 ? fieldErrors : { form: messageOf(caught) });
    } finally {
      setBusy(false);
    }
  };

  const other = Object.entries(errors).filter(([field]) => !(INPUTS as readonly string[]).includes(field));
  const input = (name: Input, props: Record<string, unknown> = {}) => (
    <TextField
      name={name}
      label={translate(`resources.quota-ledger.fields.${name}`)}
      required
      fullWidth
      value={values[name]}
      onChange={(event) => setValues({ ...values, [name]: event.target.value })}
      error={Boolean(errors[name])}
      helperText={errors[name] ?? ' '}
      {...props}
    />
  );

  return (
    <Dialog open onClose={busy ? undefined : onClose} fullWidth maxWidth="sm" aria-labelledby="capacity-change-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="capacity-change-title">{translate('app.quotas.change_capacity')}</DialogTitle>
        <DialogContent>
          <Stack spacing={1} sx={{ mt: 1 }}>
            {other.map(([field, message]) => (
              <Alert key={field} severity="error">
                {translate(message, { _: message })}
              </Alert>
            ))}
            {input('entryDate', { type: 'date', slotProps: { inputLabel: { shrink: true } } })}
            {input('capacityDelta', { type: 'number', autoFocus: true })}
            {input('legalAct')}
            {input('reason', { multiline: true, minRows: 2 })}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            {translate('ra.action.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {translate('ra.action.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
