import { lazy } from 'react';
import ScheduleIcon from '@mui/icons-material/Schedule';

/** Background jobs: schedules, run now, runs with progress and errors. */
export const jobs = {
  list: lazy(() => import('./JobsPage')),
  icon: ScheduleIcon,
};
