import { Alert, Box, Grid, Skeleton, Typography } from '@mui/material';
import PeopleIcon from '@mui/icons-material/People';
import MapIcon from '@mui/icons-material/Map';
import HistoryIcon from '@mui/icons-material/History';
import PaymentsIcon from '@mui/icons-material/Payments';
import { useQuery } from '@tanstack/react-query';
import { Title, useDataProvider, useGetIdentity, useLocaleState, useTranslate } from 'react-admin';
import { localizedName } from '../common/localizedName';
import { useFormatMoney, useFormatNumber } from '../common/useFormatNumber';
import type { QonysDataProvider } from '../providers/dataProvider';
import { CaseCounts } from './CaseCounts';
import { Figure, StatCard } from './StatCard';

const DashboardSkeleton = () => (
  <Grid container spacing={2}>
    {[0, 1, 2, 3].map((key) => (
      <Grid key={key} size={{ xs: 12, md: 6 }}>
        <Skeleton variant="rounded" height={150} />
      </Grid>
    ))}
  </Grid>
);

/** Real counts from GET /api/dashboard, formatted in the UI language. */
export const Dashboard = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const { identity } = useGetIdentity();
  const { data, isPending, error } = useQuery({
    queryKey: ['dashboard'],
    queryFn: () => dataProvider.getDashboard(),
  });
  const n = useFormatNumber();
  const money = useFormatMoney();

  return (
    <Box sx={{ mt: 2 }}>
      <Title title="app.dashboard.title" />
      <Typography variant="h5" component="h1" gutterBottom>
        {identity?.fullName
          ? translate('app.dashboard.welcome', { name: identity.fullName })
          : translate('app.dashboard.title')}
      </Typography>
      {data?.region && (
        <Typography variant="subtitle1" color="text.secondary" gutterBottom data-testid="dashboard-region">
          {translate('app.dashboard.region', { name: localizedName(data.region, locale) })}
        </Typography>
      )}
      {isPending && (
        <>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {translate('app.dashboard.loading')}
          </Typography>
          <DashboardSkeleton />
        </>
      )}
      {error && <Alert severity="error">{translate('app.dashboard.error')}</Alert>}
      {data && (
        <Grid container spacing={2}>
          <CaseCounts />
          {data.users && (
            <Grid size={{ xs: 12, md: 6 }}>
              <StatCard title={translate('app.dashboard.users.title')} icon={<PeopleIcon color="primary" />}>
                <Figure
                  testId="users-total"
                  label={translate('app.dashboard.users.total')}
                  value={n(data.users.total)}
                />
                <Figure
                  testId="users-active"
                  label={translate('app.dashboard.users.active')}
                  value={n(data.users.active)}
                />
                <Figure
                  testId="users-disabled"
                  label={translate('app.dashboard.users.disabled')}
                  value={n(data.users.disabled)}
                />
                <Figure
                  testId="users-locked"
                  label={translate('app.dashboard.users.locked')}
                  value={n(data.users.locked)}
                />
              </StatCard>
            </Grid>
          )}
          {data.regions && (
            <Grid size={{ xs: 12, md: 6 }}>
              <StatCard title={translate('app.dashboard.regions.title')} icon={<MapIcon color="primary" />}>
                <Figure
                  testId="regions-total"
                  label={translate('app.dashboard.regions.total')}
                  value={n(data.regions.total)}
                />
                <Figure
                  testId="regions-settlement"
                  label={translate('app.dashboard.regions.settlement', { year: data.year })}
                  value={n(data.regions.settlementThisYear)}
                />
              </StatCard>
            </Grid>
          )}
          {data.auditEvents && (
            <Grid size={{ xs: 12, md: 6 }}>
              <StatCard title={translate('app.dashboard.audit.title')} icon={<HistoryIcon color="primary" />}>
                <Figure
                  testId="audit-24h"
                  label={translate('app.dashboard.audit.events')}
                  value={n(data.auditEvents.last24h)}
                />
                <Figure
                  testId="audit-failed-logins"
                  label={translate('app.dashboard.audit.failed_logins')}
                  value={n(data.auditEvents.failedLogins24h)}
                />
                <Figure
                  testId="audit-refused"
                  label={translate('app.dashboard.audit.refused')}
                  value={n(data.auditEvents.refused24h)}
                />
              </StatCard>
            </Grid>
          )}
          <Grid size={{ xs: 12, md: 6 }}>
            <StatCard
              title={translate('app.dashboard.mci.title', { year: data.year })}
              icon={<PaymentsIcon color="primary" />}
            >
              {data.mciThisYear === null ? (
                <Typography variant="body2" color="text.secondary">
                  {translate('app.dashboard.mci.missing', { year: data.year })}
                </Typography>
              ) : (
                <Figure
                  testId="mci-this-year"
                  label={translate('app.dashboard.mci.value')}
                  value={money(data.mciThisYear)}
                />
              )}
            </StatCard>
          </Grid>
        </Grid>
      )}
    </Box>
  );
};

export default Dashboard;
