import { lazy } from 'react';
import CompareArrowsIcon from '@mui/icons-material/CompareArrows';

/** Requests to move a family into another region's quota, decided by that region (docs/transfers.md). */
export const transferRequests = {
  list: lazy(() => import('./TransferRequestList')),
  icon: CompareArrowsIcon,
  recordRepresentation: (record: { id: number }) => `№ ${record.id}`,
};
