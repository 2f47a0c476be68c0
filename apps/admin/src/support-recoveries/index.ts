import { lazy } from 'react';
import UndoIcon from '@mui/icons-material/Undo';

/** Support to be returned under the residence obligation (docs/support-payments.md). */
export const supportRecoveries = {
  list: lazy(() => import('./SupportRecoveryList')),
  icon: UndoIcon,
  recordRepresentation: (record: { id: number }) => `№ ${record.id}`,
};
