import { Grid } from '@mui/material';
import MapIcon from '@mui/icons-material/Map';
import { useTranslate } from 'react-admin';
import { useFormatNumber } from '../common/useFormatNumber';
import type { DashboardStats } from '../providers/dataProvider';
import { Figure, StatCard } from './StatCard';

/** The regions, and how many receive kandas this year. */
export const RegionsCard = ({ regions, year }: { regions: NonNullable<DashboardStats['regions']>; year: number }) => {
  const translate = useTranslate();
  const n = useFormatNumber();
  return (
    <Grid size={{ xs: 12, md: 6 }}>
      <StatCard title={translate('app.dashboard.regions.title')} icon={<MapIcon color="primary" />}>
        <Figure testId="regions-total" label={translate('app.dashboard.regions.total')} value={n(regions.total)} />
        <Figure
          testId="regions-settlement"
          label={translate('app.dashboard.regions.settlement', { year })}
          value={n(regions.settlementThisYear)}
        />
      </StatCard>
    </Grid>
  );
};
