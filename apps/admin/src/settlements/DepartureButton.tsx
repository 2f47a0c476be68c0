import { useState } from 'react';
import { Button, MenuItem, TextField } from '@mui/material';
import LogoutIcon from '@mui/icons-material/Logout';
import { useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { type SettlementRow, todayInKazakhstan } from '@qonys/domain';
import { ReasonDialog } from '../common/ReasonDialog';
import type { QonysDataProvider } from '../providers/dataProvider';
import { useRegionNames } from '../quotas/useRegionNames';

/**
 * The family left its settlement region after arriving (docs/support-payments.md,
 * Residence obligation): support and follow-ups there end; under the obligation the
 * support paid is to be returned.
 */
export const DepartureButton = () => {
  const settlement = useRecordContext<SettlementRow>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const { regions, nameOf } = useRegionNames();
  const { canAccess } = useCanAccess({
    resource: 'settlements',
    action: 'edit',
    record: settlement ? { regionId: settlement.regionId } : undefined,
  });
  const [open, setOpen] = useState(false);
  const [departedOn, setDepartedOn] = useState(todayInKazakhstan());
  const [toRegionId, setToRegionId] = useState('');
  if (!settlement || settlement.status !== 'arrived' || !canAccess) return null;
  const field = (name: string) => translate(`resources.settlements.fields.${name}`);
  return (
    <>
      <Button size="small" startIcon={<LogoutIcon />} onClick={() => setOpen(true)}>
        {translate('app.settlements.record_departure')}
      </Button>
      {open && (
        <ReasonDialog
          id="departure"
          title={translate('app.settlements.record_departure')}
          help={translate('app.settlements.departure_help')}
          inputs={['departedOn', 'toRegionId']}
          submitLabel={translate('app.settlements.record_departure')}
          onClose={() => setOpen(false)}
          onSubmit={async () => {
            await dataProvider.recordDeparture(settlement.id, {
              departedOn,
              ...(toRegionId ? { toRegionId: Number(toRegionId) } : {}),
              version: settlement.version,
            });
            notify('app.settlements.departure_recorded', { type: 'success' });
            setOpen(false);
            refresh();
          }}
        >
          {(errors) => (
            <>
              <TextField
                type="date"
                name="departedOn"
                label={field('departedOn')}
                value={departedOn}
                onChange={(event) => setDepartedOn(event.target.value)}
                error={Boolean(errors.departedOn)}
                helperText={errors.departedOn ?? ' '}
                slotProps={{ inputLabel: { shrink: true } }}
              />
              <TextField
                select
                name="toRegionId"
                label={field('departedToRegionId')}
                value={toRegionId}
                onChange={(event) => setToRegionId(event.target.value)}
                error={Boolean(errors.toRegionId)}
                helperText={errors.toRegionId ?? ' '}
              >
                <MenuItem value="">{translate('app.common.not_set')}</MenuItem>
                {regions
                  .filter((region) => region.id !== settlement.regionId)
                  .map((region) => (
                    <MenuItem key={region.id} value={String(region.id)}>
                      {nameOf(region.id)}
                    </MenuItem>
                  ))}
              </TextField>
            </>
          )}
        </ReasonDialog>
      )}
    </>
  );
};
