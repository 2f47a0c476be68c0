import { useState } from 'react';
import { MenuItem, TextField } from '@mui/material';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import { type SettlementRow } from '@qonys/domain';
import { type FieldErrors, ReasonDialog } from '../common/ReasonDialog';
import type { QonysDataProvider } from '../providers/dataProvider';
import { useRegionNames } from '../quotas/useRegionNames';
import { useSettlementRegions } from '../quotas/useSettlementRegions';

/**
 * Moves a family to another region: a new reservation on that region's quota (the
 * old one released) and a new settlement. A full quota answers 409 with its message.
 */
export const MoveDialog = ({
  settlement,
  onClose,
  onMoved,
}: {
  settlement: SettlementRow;
  onClose: () => void;
  onMoved: (moved: SettlementRow) => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const { nameOf } = useRegionNames();
  const { regions, label } = useSettlementRegions(settlement.year);
  const [regionId, setRegionId] = useState('');
  const targets = regions.filter((region) => region.id !== settlement.regionId);

  return (
    <ReasonDialog
      id="move"
      title={translate('app.settlements.move')}
      help={translate('app.settlements.move_help', {
        persons: settlement.persons,
        region: nameOf(settlement.regionId),
        year: settlement.year,
      })}
      inputs={['regionId']}
      validate={(): FieldErrors => (regionId ? {} : { regionId: 'ra.validation.required' })}
      reasonLabel={translate('app.settlements.move_reason')}
      submitLabel={translate('app.settlements.move')}
      onClose={onClose}
      onSubmit={async (reason) => {
        const moved = await dataProvider.moveSettlement(settlement.id, Number(regionId), reason, settlement.version);
        notify('app.settlements.moved', { type: 'success', messageArgs: { region: nameOf(moved.regionId) } });
        onMoved(moved);
      }}
    >
      {(errors) => (
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
      )}
    </ReasonDialog>
  );
};
