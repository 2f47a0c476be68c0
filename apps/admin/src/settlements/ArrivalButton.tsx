import { useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
} from '@mui/material';
import FlightLandIcon from '@mui/icons-material/FlightLand';
import { useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { type SettlementRow, todayInKazakhstan } from '@qonys/domain';
import { fieldErrorsOf, messageOf } from '../common/errors';
import type { QonysDataProvider } from '../providers/dataProvider';

/**
 * The regional official confirms the family arrived: the date goes on the settlement
 * and the family's places move from reserved to settled on the quota.
 */
export const ArrivalButton = () => {
  const settlement = useRecordContext<SettlementRow>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const { canAccess } = useCanAccess({
    resource: 'settlements',
    action: 'edit',
    record: settlement ? { regionId: settlement.regionId } : undefined,
  });
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState(todayInKazakhstan());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!settlement || settlement.status !== 'planned' || !canAccess) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!date) return setError(translate('ra.validation.required'));
    setBusy(true);
    try {
      await dataProvider.confirmArrival(settlement.id, date, settlement.version);
      notify('app.settlements.arrived', { type: 'success' });
      setOpen(false);
      refresh();
    } catch (caught) {
      const errors = fieldErrorsOf(caught);
      setError(errors.actualArrival ?? (Object.values(errors).join(' ') || messageOf(caught)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        size="small"
        startIcon={<FlightLandIcon />}
        onClick={(event) => {
          event.stopPropagation();
          setOpen(true);
        }}
      >
        {translate('app.settlements.confirm_arrival')}
      </Button>
      {open && (
        <Dialog
          open
          onClose={busy ? undefined : () => setOpen(false)}
          onClick={(event) => event.stopPropagation()}
          aria-labelledby="arrival-title"
        >
          <form onSubmit={submit} noValidate>
            <DialogTitle id="arrival-title">{translate('app.settlements.confirm_arrival')}</DialogTitle>
            <DialogContent>
              <DialogContentText>
                {translate('app.settlements.arrival_help', { persons: settlement.persons })}
              </DialogContentText>
              {error && (
                <Alert severity="error" sx={{ mt: 1 }}>
                  {translate(error, { _: error })}
                </Alert>
              )}
              <TextField
                name="actualArrival"
                type="date"
                label={translate('resources.settlements.fields.actualArrival')}
                required
                fullWidth
                sx={{ mt: 2 }}
                value={date}
                onChange={(event) => setDate(event.target.value)}
                slotProps={{ inputLabel: { shrink: true } }}
              />
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setOpen(false)} disabled={busy}>
                {translate('ra.action.cancel')}
              </Button>
              <Button type="submit" variant="contained" disabled={busy}>
                {translate('ra.action.confirm')}
              </Button>
            </DialogActions>
          </form>
        </Dialog>
      )}
    </>
  );
};
