import CloseIcon from '@mui/icons-material/Close';
import { Button, MenuItem, TextField } from '@mui/material';
import { PAYMENT_CANCEL_REASONS, type PaymentCancelReason } from '@qonys/domain';
import { useState } from 'react';
import { useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { ReasonDialog } from '../common/ReasonDialog';
import type { QonysDataProvider } from '../providers/dataProvider';

/** Cancel a payment not yet sent to the bank, with its reason (docs/support-payments.md). */
export const CancelPaymentButton = () => {
  const record = useRecordContext<{ id: number; state: string; version: number }>();
  const { canAccess } = useCanAccess({ resource: 'support-payments', action: 'edit' });
  const dataProvider = useDataProvider<QonysDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<PaymentCancelReason>('prepared_in_error');
  if (!record || !['draft', 'approved'].includes(record.state) || !canAccess) return null;
  return (
    <>
      <Button size="small" color="error" startIcon={<CloseIcon />} onClick={() => setOpen(true)}>
        {translate('app.payments.cancel')}
      </Button>
      {open && (
        <ReasonDialog
          id="cancel-payment"
          title={translate('app.payments.cancel')}
          inputs={['reason']}
          submitLabel={translate('app.payments.cancel')}
          submitColor="error"
          onClose={() => setOpen(false)}
          onSubmit={async () => {
            await dataProvider.cancelPayment(record.id, record.version, reason);
            notify('app.payments.cancelled', { type: 'success' });
            setOpen(false);
            refresh();
          }}
        >
          {(errors) => (
            <TextField
              select
              name="reason"
              label={translate('app.payments.cancel_reason')}
              fullWidth
              value={reason}
              onChange={(event) => setReason(event.target.value as PaymentCancelReason)}
              error={Boolean(errors.reason)}
              helperText={errors.reason ?? ' '}
            >
              {PAYMENT_CANCEL_REASONS.map((id) => (
                <MenuItem key={id} value={id}>
                  {translate(`app.payments.cancel_reasons.${id}`)}
                </MenuItem>
              ))}
            </TextField>
          )}
        </ReasonDialog>
      )}
    </>
  );
};
