import { useState } from 'react';
import { MenuItem, TextField } from '@mui/material';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import { type PlacementProposalRow } from '@qonys/domain';
import { type FieldErrors, ReasonDialog } from '../common/ReasonDialog';
import type { QonysDataProvider } from '../providers/dataProvider';
import { TRANSFER_ASK_INPUTS, useTransferAsk } from '../transfer-requests/TransferAskInputs';

/**
 * Sends one family to another region than the solver proposed. The reason is
 * required (the API refuses an override without one) and recorded with the override.
 * Into another region than a regional official's own it is a transfer request.
 */
export const OverrideDialog = ({
  proposal,
  regions,
  onClose,
  onDone,
}: {
  proposal: PlacementProposalRow;
  /** The regions with a quota in the batch's year and category, named. */
  regions: { id: number; name: string }[];
  onClose: () => void;
  onDone: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const [regionId, setRegionId] = useState<number | ''>('');
  const choices = regions.filter((region) => region.id !== proposal.finalRegionId);
  const transfer = useTransferAsk();
  const target = regionId === '' ? null : regionId;

  return (
    <ReasonDialog
      id="override"
      title={translate('app.placement.override_title', { id: proposal.applicationNumber ?? proposal.applicationId })}
      inputs={['regionId', ...TRANSFER_ASK_INPUTS]}
      validate={(): FieldErrors => ({
        ...(regionId === '' ? { regionId: 'ra.validation.required' } : {}),
        ...transfer.validate(target),
      })}
      reasonLabel={translate('app.placement.override_reason')}
      reasonRequired="app.placement.override_reason_required"
      submitLabel={translate('app.placement.override')}
      onClose={onClose}
      onSubmit={async (reason) => {
        const answer = await dataProvider.overrideProposal(proposal.batchId, proposal.id, {
          regionId: regionId as number,
          reason,
          ...transfer.ask,
        });
        const region = regions.find((choice) => choice.id === regionId)?.name ?? '';
        if ('requested' in answer) notify('app.transfers.requested', { type: 'success', messageArgs: { region } });
        else notify('app.placement.overridden', { type: 'success' });
        onDone();
      }}
    >
      {(errors) => (
        <>
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
          {transfer.inputs(target, errors)}
        </>
      )}
    </ReasonDialog>
  );
};
