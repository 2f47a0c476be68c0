import { useState } from 'react';
import { Button } from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import UndoIcon from '@mui/icons-material/Undo';
import { useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { TransferRequestRow } from '@qonys/domain';
import { ReasonDialog } from '../common/ReasonDialog';
import { useRole } from '../common/useRole';
import type { QonysDataProvider } from '../providers/dataProvider';
import { useRegionNames } from '../quotas/useRegionNames';

type Decision = 'accept' | 'decline' | 'withdraw';

/**
 * The buttons an open request offers the caller: accept and decline to the receiving
 * region's official, withdraw to the sending one (an admin both), as the API allows.
 */
export const TransferActions = () => {
  const record = useRecordContext<TransferRequestRow>();
  const { nationwide, regionId } = useRole();
  const { canAccess } = useCanAccess({ resource: 'transfer-requests', action: 'edit' });
  const [open, setOpen] = useState<Decision | null>(null);
  const translate = useTranslate();
  if (!record || record.state !== 'requested' || !canAccess) return null;
  const decisions: Decision[] = [
    ...(nationwide || record.toRegionId === regionId ? (['accept', 'decline'] as const) : []),
    ...(nationwide || record.fromRegionId === regionId ? (['withdraw'] as const) : []),
  ];
  const icons = { accept: <CheckIcon />, decline: <CloseIcon />, withdraw: <UndoIcon /> };
  return (
    <>
      {decisions.map((decision) => (
        <Button
          key={decision}
          size="small"
          color={decision === 'decline' ? 'error' : 'primary'}
          startIcon={icons[decision]}
          onClick={(event) => {
            event.stopPropagation();
            setOpen(decision);
          }}
        >
          {translate(`app.transfers.${decision}`)}
        </Button>
      ))}
      {open && <DecisionDialog request={record} decision={open} onClose={() => setOpen(null)} />}
    </>
  );
};

const DecisionDialog = ({
  request,
  decision,
  onClose,
}: {
  request: TransferRequestRow;
  decision: Decision;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const { nameOf } = useRegionNames();
  const places = { from: nameOf(request.fromRegionId), to: nameOf(request.toRegionId) };
  const caseId = request.applicationNumber ?? request.applicationId;
  const decide = async (reason: string) => {
    if (decision === 'accept') await dataProvider.acceptTransfer(request.id, request.version);
    else if (decision === 'decline') await dataProvider.declineTransfer(request.id, reason, request.version);
    else await dataProvider.withdrawTransfer(request.id, request.version);
  };
  const done = { accept: 'accepted', decline: 'declined', withdraw: 'withdrawn' }[decision];
  return (
    <ReasonDialog
      id={`transfer-${decision}`}
      title={translate(`app.transfers.${decision}_title`, { id: caseId })}
      help={decision === 'decline' ? request.reason : translate(`app.transfers.${decision}_help`, places)}
      reasonLabel={decision === 'decline' ? translate('app.transfers.decline_reason') : undefined}
      reasonRequired="app.transfers.decline_reason_required"
      submitLabel={translate(`app.transfers.${decision}`)}
      submitColor={decision === 'decline' ? 'error' : decision === 'accept' ? 'success' : 'primary'}
      onClose={onClose}
      onSubmit={async (reason) => {
        await decide(reason);
        notify(`app.transfers.${done}`, { type: 'success' });
        onClose();
        refresh();
      }}
    />
  );
};
