import { Card, CardContent, Grid, Stack, Typography } from '@mui/material';
import { Title, useGetOne, useLocaleState, useTranslate } from 'react-admin';
import { localizedName } from '../common/localizedName';
import { roleLabelKey } from '../common/roles';
import type { LocalizedNames } from '../providers/dataProvider';
import { getSession, type SessionUser } from '../providers/session';
import { ChangePasswordForm } from './ChangePasswordForm';
import { TwoFactorSection } from './TwoFactorSection';

const Line = ({ label, value }: { label: string; value: string }) => (
  <Stack direction="row" spacing={1}>
    <Typography variant="body2" color="text.secondary" sx={{ minWidth: 160 }}>
      {label}
    </Typography>
    <Typography variant="body2">{value}</Typography>
  </Stack>
);

const Profile = ({ user }: { user: SessionUser }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data: region } = useGetOne<LocalizedNames & { id: number }>(
    'regions',
    { id: user.regionId ?? 0 },
    { enabled: user.regionId !== null },
  );
  return (
    <Card>
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate('app.account.profile')}
        </Typography>
        <Line label={translate('resources.users.fields.username')} value={user.username} />
        <Line label={translate('resources.users.fields.fullName')} value={user.fullName} />
        <Line label={translate('resources.users.fields.role')} value={translate(roleLabelKey(user.role))} />
        <Line
          label={translate('resources.users.fields.regionId')}
          value={
            user.regionId === null ? translate('app.common.nationwide') : region ? localizedName(region, locale) : '…'
          }
        />
      </CardContent>
    </Card>
  );
};

/** Custom route /account: profile, password change, optional two-factor enrolment. */
export const AccountPage = () => {
  const user = getSession()?.user;
  if (!user) return null;
  return (
    <Grid container spacing={2} sx={{ mt: 1 }}>
      <Title title="app.account.title" />
      <Grid size={{ xs: 12, md: 6 }}>
        <Stack spacing={2}>
          <Profile user={user} />
          <TwoFactorSection user={user} />
        </Stack>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <ChangePasswordForm />
      </Grid>
    </Grid>
  );
};

export default AccountPage;
