import { Stack, Typography } from '@mui/material';
import { ReferenceManyField, useCanAccess, useTranslate } from 'react-admin';
import { TransferRows } from './TransferRequestList';

/** On the case page: the family's transfer requests, newest first, with the buttons the reader may use. */
export const CaseTransfers = ({ applicationId }: { applicationId: number }) => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'transfer-requests', action: 'list' });
  if (!canAccess) return null;
  return (
    <Stack spacing={1} data-testid="case-transfers">
      <Typography variant="subtitle1">{translate('app.transfers.on_case')}</Typography>
      <ReferenceManyField
        reference="transfer-requests"
        target="applicationId"
        record={{ id: applicationId }}
        sort={{ field: 'id', order: 'DESC' }}
        empty={
          <Typography variant="body2" color="text.secondary">
            {translate('app.transfers.none_on_case')}
          </Typography>
        }
      >
        <TransferRows />
      </ReferenceManyField>
    </Stack>
  );
};
