import { Grid, Typography } from '@mui/material';
import PaymentsIcon from '@mui/icons-material/Payments';
import { useTranslate } from 'react-admin';
import { useFormatMoney } from '../common/useFormatNumber';
import { Figure, StatCard } from './StatCard';

/** This year's MCI (monthly calculation index), or a note that the reference data lacks it. */
export const MciCard = ({ year, mci }: { year: number; mci: number | null }) => {
  const translate = useTranslate();
  const money = useFormatMoney();
  return (
    <Grid size={{ xs: 12, md: 6 }}>
      <StatCard title={translate('app.dashboard.mci.title', { year })} icon={<PaymentsIcon color="primary" />}>
        {mci === null ? (
          <Typography variant="body2" color="text.secondary">
            {translate('app.dashboard.mci.missing', { year })}
          </Typography>
        ) : (
          <Figure testId="mci-this-year" label={translate('app.dashboard.mci.value')} value={money(mci)} />
        )}
      </StatCard>
    </Grid>
  );
};
