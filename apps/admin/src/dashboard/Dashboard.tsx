import { lazy, Suspense } from 'react';
import { Alert, Box, Grid, Skeleton, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { Title, useCanAccess, useDataProvider, useGetIdentity, useLocaleState, useTranslate } from 'react-admin';
import { localizedName } from '../common/localizedName';
import type { QonysDataProvider } from '../providers/dataProvider';
import { AuditCard } from './AuditCard';
import { CaseCountsCard } from './CaseCountsCard';
import { MciCard } from './MciCard';
import { RegionsCard } from './RegionsCard';
import { UsersCard } from './UsersCard';

// The charts (@mui/x-charts) come in their own chunk, only for those who may see them.
const MonitoringPanel = lazy(() => import('../monitoring/MonitoringPanel'));

const DashboardSkeleton = () => (
  <Grid container spacing={2}>
    {[0, 1, 2, 3].map((key) => (
      <Grid key={key} size={{ xs: 12, md: 6 }}>
        <Skeleton variant="rounded" height={150} />
      </Grid>
    ))}
  </Grid>
);

/** Real counts from GET /api/dashboard as small cards (one file each), each shown only to whom the API sends it. */
export const Dashboard = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const { identity } = useGetIdentity();
  // A provider's staff have no dashboard: their work is the referral inbox.
  const { canAccess, isPending: checking } = useCanAccess({ resource: 'dashboard', action: 'show' });
  const { canAccess: canMonitor } = useCanAccess({ resource: 'monitoring', action: 'show' });
  const { data, isPending, error } = useQuery({
    queryKey: ['dashboard'],
    queryFn: () => dataProvider.getDashboard(),
    enabled: canAccess === true,
  });

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
      {!checking && !canAccess && (
        <Typography variant="body1">
          <Link to="/referrals">{translate('app.dashboard.referral_inbox')}</Link>
        </Typography>
      )}
      {canAccess && isPending && (
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
          <CaseCountsCard />
          {data.users && <UsersCard users={data.users} />}
          {data.regions && <RegionsCard regions={data.regions} year={data.year} />}
          {data.auditEvents && <AuditCard auditEvents={data.auditEvents} />}
          <MciCard year={data.year} mci={data.mciThisYear} />
        </Grid>
      )}
      {canMonitor && (
        <Suspense fallback={<Skeleton variant="rounded" height={280} sx={{ mt: 3 }} />}>
          <MonitoringPanel />
        </Suspense>
      )}
    </Box>
  );
};

export default Dashboard;
