import { lazy } from 'react';
import TimelineIcon from '@mui/icons-material/Timeline';

/** Arrival forecasts per region and nationally; the chart library loads with this screen only. */
export const forecasts = {
  list: lazy(() => import('./ForecastsPage')),
  icon: TimelineIcon,
};
