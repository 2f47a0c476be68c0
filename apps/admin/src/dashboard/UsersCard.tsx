import { Grid } from '@mui/material';
import PeopleIcon from '@mui/icons-material/People';
import { useTranslate } from 'react-admin';
import { useFormatNumber } from '../common/useFormatNumber';
import type { DashboardStats } from '../providers/dataProvider';
import { Figure, StatCard } from './StatCard';

/** Accounts by state, for those who manage users. */
export const UsersCard = ({ users }: { users: NonNullable<DashboardStats['users']> }) => {
  const translate = useTranslate();
  const n = useFormatNumber();
  return (
    <Grid size={{ xs: 12, md: 6 }}>
      <StatCard title={translate('app.dashboard.users.title')} icon={<PeopleIcon color="primary" />}>
        <Figure testId="users-total" label={translate('app.dashboard.users.total')} value={n(users.total)} />
        <Figure testId="users-active" label={translate('app.dashboard.users.active')} value={n(users.active)} />
        <Figure testId="users-disabled" label={translate('app.dashboard.users.disabled')} value={n(users.disabled)} />
        <Figure testId="users-locked" label={translate('app.dashboard.users.locked')} value={n(users.locked)} />
      </StatCard>
    </Grid>
  );
};
