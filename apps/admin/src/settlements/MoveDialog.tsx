import { useState } from 'react';
import { MenuItem, TextField } from '@mui/material';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import { type SettlementRow } from '@qonys/domain';
import { type FieldErrors, ReasonDialog } from '../common/ReasonDialog';
import type { QonysDataProvider } from '../providers/dataProvider';
import { useRegionNames } from '../quotas/useRegionNames';
import { useSettlementRegions } from '../quotas/useSettlementRegions';
import { TRANSFER_ASK_INPUTS, useTransferAsk } from '../transfer-requests/TransferAskInputs';

/**
 * Moves a family to another region: a new reservation on that region's quota (the
 * old one released) and a new settlement; a full quota answers 409 with its message.
 * A regional official's move is a transfer request that region's official decides.
 */
export const MoveDialog = ({
  settlement,
  onClose,
  onMoved,
  onRequested,
}: {
  settlement: SettlementRow;
  onClose: () => void;
  onMoved: (moved: SettlementRow) => void;
  onRequested: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const { nameOf } = useRegionNames();
  const { regions, label } = useSettlementRegions(settlement.year);
  const [regionId, setRegionId] = useState('');
  const targets = regions.filter((region) => region.id !== settlement.regionId);
  const transfer = useTransferAsk();
  const target = regionId ? Number(regionId) : null;

  return (
    <ReasonDialog
      id="move"
      title={translate('app.settlements.move')}
      help={translate('app.settlements.move_help', {
        persons: settlement.persons,
        region: nameOf(settlement.regionId),
        year: settlement.year,
      })}
      inputs={['regionId', ...TRANSFER_ASK_INPUTS]}
      validate={(): FieldErrors => ({
        ...(regionId ? {} : { regionId: 'ra.validation.required' }),
        ...transfer.validate(target),
      })}
      reasonLabel={translate('app.settlements.move_reason')}
      submitLabel={translate('app.settlements.move')}
      onClose={onClose}
      onSubmit={async (reason) => {
        const answer = await dataProvider.moveSettlement(settlement.id, {
          regionId: Number(regionId),
          reason,
          version: settlement.version,
          ...transfer.ask,
        });
        if ('requested' in answer) {
          notify('app.transfers.requested', {
            type: 'success',
            messageArgs: { region: nameOf(answer.requested.toRegionId) },
          });
          return onRequested();
        }
        notify('app.settlements.moved', { type: 'success', messageArgs: { region: nameOf(answer.done.regionId) } });
        onMoved(answer.done);
      }}
    >
      {(errors) => (
        <>
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
          {transfer.inputs(target, errors)}
        </>
      )}
    </ReasonDialog>
  );
};
