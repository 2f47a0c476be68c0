import { Grid } from '@mui/material';
import HistoryIcon from '@mui/icons-material/History';
import { useTranslate } from 'react-admin';
import { useFormatNumber } from '../common/useFormatNumber';
import type { DashboardStats } from '../providers/dataProvider';
import { Figure, StatCard } from './StatCard';

/** The last day of the audit trail: events, failed sign-ins, refused calls. */
export const AuditCard = ({ auditEvents }: { auditEvents: NonNullable<DashboardStats['auditEvents']> }) => {
  const translate = useTranslate();
  const n = useFormatNumber();
  return (
    <Grid size={{ xs: 12, md: 6 }}>
      <StatCard title={translate('app.dashboard.audit.title')} icon={<HistoryIcon color="primary" />}>
        <Figure testId="audit-24h" label={translate('app.dashboard.audit.events')} value={n(auditEvents.last24h)} />
        <Figure
          testId="audit-failed-logins"
          label={translate('app.dashboard.audit.failed_logins')}
          value={n(auditEvents.failedLogins24h)}
        />
        <Figure
          testId="audit-refused"
          label={translate('app.dashboard.audit.refused')}
          value={n(auditEvents.refused24h)}
        />
      </StatCard>
    </Grid>
  );
};
