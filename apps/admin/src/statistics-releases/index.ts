import { lazy } from 'react';
import QueryStatsIcon from '@mui/icons-material/QueryStats';

/** Open statistics releases (docs/open-statistics.md). */
export const statisticsReleases = {
  list: lazy(() => import('./StatisticsReleaseList')),
  icon: QueryStatsIcon,
  recordRepresentation: (record: { id: number }) => `№ ${record.id}`,
};
