import { useState } from 'react';
import { TextField } from '@mui/material';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import { type QuotaView, todayInKazakhstan } from '@qonys/domain';
import { ReasonDialog } from '../common/ReasonDialog';
import type { QonysDataProvider } from '../providers/dataProvider';

const INPUTS = ['entryDate', 'capacityDelta', 'legalAct'] as const;
type Input = (typeof INPUTS)[number];

/** A change of capacity during the year: a new ledger entry with its date, act and reason (never an edit). */
export const CapacityChangeDialog = ({
  quota,
  onClose,
  onChanged,
}: {
  quota: QuotaView;
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
  });

  const validate = () => {
    const missing = Object.fromEntries(
      INPUTS.filter((input) => !values[input].trim()).map((input) => [input, 'ra.validation.required']),
    );
    const delta = Number(values.capacityDelta);
    if (values.capacityDelta.trim() && (!Number.isInteger(delta) || delta === 0))
      missing.capacityDelta = 'app.quotas.delta_invalid';
    return missing;
  };

  return (
    <ReasonDialog
      id="capacity-change"
      title={translate('app.quotas.change_capacity')}
      inputs={INPUTS}
      validate={validate}
      reasonLabel={translate('resources.quota-ledger.fields.reason')}
      submitLabel={translate('ra.action.save')}
      onClose={onClose}
      onSubmit={async (reason) => {
        await dataProvider.changeQuotaCapacity(quota.id, {
          entryDate: values.entryDate,
          capacityDelta: Number(values.capacityDelta),
          legalAct: values.legalAct.trim(),
          reason,
          version: quota.version,
        });
        notify('app.quotas.changed', { type: 'success' });
        onChanged();
      }}
    >
      {(errors) => {
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
          <>
            {input('entryDate', { type: 'date', slotProps: { inputLabel: { shrink: true } } })}
            {input('capacityDelta', { type: 'number', autoFocus: true })}
            {input('legalAct')}
          </>
        );
      }}
    </ReasonDialog>
  );
};
