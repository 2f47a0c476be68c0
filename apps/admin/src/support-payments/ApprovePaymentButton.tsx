import CheckIcon from '@mui/icons-material/Check';
import { Button } from '@mui/material';
import {
  useCanAccess,
  useDataProvider,
  useGetIdentity,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import type { QonysDataProvider } from '../providers/dataProvider';

/** Approve a draft: offered to those who may, but never to whoever prepared it (four-eyes). */
export const ApprovePaymentButton = () => {
  const record = useRecordContext<{ id: number; state: string; preparedBy: number; version: number }>();
  const { identity } = useGetIdentity();
  const { canAccess } = useCanAccess({ resource: 'support-payments', action: 'edit' });
  const dataProvider = useDataProvider<QonysDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  if (
    !record ||
    record.state !== 'draft' ||
    !canAccess ||
    identity === undefined ||
    identity.id === record.preparedBy
  ) {
    return null;
  }
  return (
    <Button
      size="small"
      startIcon={<CheckIcon />}
      onClick={async (event) => {
        event.stopPropagation();
        try {
          await dataProvider.approvePayment(record.id, record.version);
          notify('app.payments.approved', { type: 'success' });
        } catch (error) {
          notify((error as Error).message, { type: 'error' });
        }
        refresh();
      }}
    >
      {translate('app.payments.approve')}
    </Button>
  );
};
