import { lazy } from 'react';
import HistoryIcon from '@mui/icons-material/History';

/** Published arrivals history and its import (docs/monitoring-history.md). */
export const arrivalsHistory = {
  list: lazy(() => import('./ArrivalsHistoryList')),
  icon: HistoryIcon,
};
