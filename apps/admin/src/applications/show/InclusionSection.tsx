import { Stack } from '@mui/material';
import PaymentsIcon from '@mui/icons-material/Payments';
import PlaylistAddIcon from '@mui/icons-material/PlaylistAdd';
import { CreateButton, useCanAccess } from 'react-admin';
import { type ApplicationDetail } from '@qonys/domain';
import { RecommendationPanel } from '../../placement/RecommendationPanel';
import { CaseTransfers } from '../../transfer-requests/CaseTransfers';

/**
 * On an approved case: apply for inclusion in a region's quota (the create form
 * opens with the case prefilled), the regions where the family fits best, and the
 * family's transfer requests between regions; once it has arrived, a support payment
 * to prepare (docs/support-payments.md).
 */
export const InclusionSection = ({ application }: { application: Pick<ApplicationDetail, 'id' | 'regionId'> }) => {
  const { canAccess } = useCanAccess({
    resource: 'inclusion-requests',
    action: 'create',
    record: { regionId: application.regionId },
  });
  const { canAccess: canPrepare } = useCanAccess({
    resource: 'support-payments',
    action: 'create',
    record: { regionId: application.regionId },
  });
  return (
    <Stack spacing={2} data-testid="inclusion-section">
      {(canAccess || canPrepare) && (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1}>
          {canAccess && (
            <CreateButton
              resource="inclusion-requests"
              label="app.inclusion.apply"
              icon={<PlaylistAddIcon />}
              variant="contained"
              state={{ record: { applicationId: application.id } }}
            />
          )}
          {canPrepare && (
            <CreateButton
              resource="support-payments"
              label="app.payments.prepare"
              icon={<PaymentsIcon />}
              variant="outlined"
              state={{ record: { applicationId: application.id } }}
            />
          )}
        </Stack>
      )}
      <RecommendationPanel applicationId={application.id} />
      <CaseTransfers applicationId={application.id} />
    </Stack>
  );
};
