import { lazy } from 'react';
import BarChartIcon from '@mui/icons-material/BarChart';

/** The regional quota board of a year, and each quota's ledger (capacity changes, reservations, settlement). */
export const quotas = {
  list: lazy(() => import('./QuotaBoard')),
  show: lazy(() => import('./QuotaShow')),
  create: lazy(() => import('./QuotaCreate')),
  icon: BarChartIcon,
};
