import { lazy } from 'react';
import HomeWorkIcon from '@mui/icons-material/HomeWork';

/** Settlement of included families: locality, housing, planned and confirmed arrival. */
export const settlements = {
  list: lazy(() => import('./SettlementList')),
  edit: lazy(() => import('./SettlementEdit')),
  icon: HomeWorkIcon,
  recordRepresentation: (record: { id: number }) => `№ ${record.id}`,
};
