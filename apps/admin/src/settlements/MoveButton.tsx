import { useState } from 'react';
import { Button } from '@mui/material';
import MoveUpIcon from '@mui/icons-material/MoveUp';
import { useCanAccess, useRecordContext, useRedirect, useRefresh, useTranslate } from 'react-admin';
import { type SettlementRow } from '@qonys/domain';
import { useRole } from '../common/useRole';
import { canAccessAs } from '../providers/canAccess';
import { MoveDialog } from './MoveDialog';

/**
 * "Move to another region" for a planned settlement. From the list the list refreshes;
 * from the edit page (`openMoved`) the family's new settlement opens when the user may see it.
 */
export const MoveButton = ({ openMoved = false }: { openMoved?: boolean }) => {
  const settlement = useRecordContext<SettlementRow>();
  const translate = useTranslate();
  const refresh = useRefresh();
  const redirect = useRedirect();
  const { role, regionId } = useRole();
  const [open, setOpen] = useState(false);
  const { canAccess } = useCanAccess({
    resource: 'settlements',
    action: 'edit',
    record: settlement ? { regionId: settlement.regionId } : undefined,
  });
  if (!settlement || settlement.status !== 'planned' || !canAccess) return null;
  return (
    <>
      <Button
        size="small"
        startIcon={<MoveUpIcon />}
        onClick={(event) => {
          event.stopPropagation();
          setOpen(true);
        }}
      >
        {translate('app.settlements.move')}
      </Button>
      {open && (
        <MoveDialog
          settlement={settlement}
          onClose={() => setOpen(false)}
          onRequested={() => {
            setOpen(false);
            refresh();
          }}
          onMoved={(moved) => {
            setOpen(false);
            // A regional user cannot open a settlement moved out of their region: back to the list.
            const mayOpen = canAccessAs(role && { role, regionId }, {
              resource: 'settlements',
              action: 'edit',
              record: { regionId: moved.regionId },
            });
            if (openMoved) redirect(mayOpen ? 'edit' : 'list', 'settlements', mayOpen ? moved.id : undefined);
            else refresh();
          }}
        />
      )}
    </>
  );
};
