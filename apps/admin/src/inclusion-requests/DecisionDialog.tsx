import { useState } from 'react';
import { MenuItem, TextField } from '@mui/material';
import { useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import { type InclusionRequestRow } from '@qonys/domain';
import { ReasonDialog } from '../common/ReasonDialog';
import type { QonysDataProvider } from '../providers/dataProvider';
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
  request: InclusionRequestRow;
  kind: DecisionKind;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const { nameOf } = useRegionNames();
  const [regionId, setRegionId] = useState<number>(request.regionId);
  const regionChoices = [...new Set([request.regionId, ...request.preferredRegionIds])];

  return (
    <ReasonDialog
      id="decision"
      title={translate(`app.inclusion.actions.${kind}`)}
      inputs={['regionId']}
      reasonLabel={kind === 'include' ? undefined : translate('app.inclusion.reason')}
      submitLabel={translate(`app.inclusion.actions.${kind}`)}
      submitColor={kind === 'include' ? 'success' : 'error'}
      onClose={onClose}
      onSubmit={async (reason) => {
        if (kind === 'withdraw') await dataProvider.withdrawInclusion(request.id, reason, request.version);
        else
          await dataProvider.decideInclusion(request.id, {
            decision: kind,
            version: request.version,
            ...(kind === 'include' ? { regionId } : { reason }),
          });
        notify(`app.inclusion.done.${kind}`, { type: 'success' });
        onClose();
        refresh();
      }}
    >
      {(errors) =>
        kind === 'include' && (
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
        )
      }
    </ReasonDialog>
  );
};
