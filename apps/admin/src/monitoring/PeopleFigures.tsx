import { Grid, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { AGE_GROUPS, type MonitoringDashboard, SETTLEMENT_BALANCE_GROUPS } from '@qonys/domain';
import { useTranslate } from 'react-admin';
import { useFormatMoney, useFormatNumber, useFormatPercent } from '../common/useFormatNumber';
import { FigureCard } from './FigureCard';
import type { FigureLabels } from './useFigureLabels';

const barsHeight = (count: number) => Math.max(160, 40 + count * 26);
/** Counts: whole-number ticks only. */
const COUNT_AXIS = [{ tickMinStep: 1 }];
const CATEGORY_AXIS = { scaleType: 'band' as const, dataKey: 'label', width: 120, tickLabelStyle: { fontSize: 11 } };
/** The chart names the largest countries; the table and the CSV list them all. */
const TOP_COUNTRIES = 12;

interface FiguresProps {
  board: MonitoringDashboard;
  labels: FigureLabels;
  fileSuffix: string;
}

/** Who the families are and what they received: origins, age and sex, education, services, payments, balance. */
export const PeopleFigures = ({ board, labels, fileSuffix }: FiguresProps) => {
  const translate = useTranslate();
  const format = useFormatNumber();
  const formatMoney = useFormatMoney();
  const formatPercent = useFormatPercent();

  const origins = board.originCountries
    .slice(0, TOP_COUNTRIES)
    .map((r) => ({ label: labels.country(r.country), persons: r.persons }));
  // Men to the left (negative), women to the right, youngest at the bottom.
  const pyramid = [...AGE_GROUPS].reverse().map((group) => ({
    label: group,
    M: -(board.agePyramid.find((r) => r.ageGroup === group && r.sex === 'M')?.persons ?? 0),
    F: board.agePyramid.find((r) => r.ageGroup === group && r.sex === 'F')?.persons ?? 0,
  }));
  const education = board.education.map((r) => ({ label: labels.education(r.educationLevel), persons: r.persons }));
  const referrals = board.referralsByOutcome.map((r) => ({
    label: labels.referralOutcome(r.outcome),
    referrals: r.referrals,
  }));
  const payments = board.payments.map((r) => ({ label: labels.benefitKind(r.kind), amountKzt: r.amountKzt }));
  const years = [...new Set(board.settlementBalance.map((r) => r.year))];
  const balance = years.map((year) => ({
    label: String(year),
    ...Object.fromEntries(
      SETTLEMENT_BALANCE_GROUPS.map((g) => [
        g,
        board.settlementBalance.find((r) => r.year === year && r.group === g)?.share ?? 0,
      ]),
    ),
  }));
  const wait = board.referralWaiting;
  const file = (name: string) => `${name}-${fileSuffix}.csv`;

  return (
    <>
      <Grid size={{ xs: 12, lg: 6 }}>
        <FigureCard
          id="origins"
          title={labels.figure('origins')}
          fileName={file('origins')}
          rows={board.originCountries}
          columns={[
            { label: labels.column('country'), value: (r) => labels.country(r.country) },
            { label: labels.column('persons'), value: (r) => r.persons },
          ]}
          chart={
            <BarChart
              height={barsHeight(origins.length)}
              layout="horizontal"
              xAxis={COUNT_AXIS}
              dataset={origins}
              yAxis={[CATEGORY_AXIS]}
              series={[{ dataKey: 'persons', label: labels.column('persons') }]}
              hideLegend
            />
          }
        />
      </Grid>
      <Grid size={{ xs: 12, lg: 6 }}>
        <FigureCard
          id="pyramid"
          title={labels.figure('pyramid')}
          fileName={file('age-sex')}
          rows={board.agePyramid}
          columns={[
            { label: labels.column('age_group'), value: (r) => r.ageGroup },
            { label: labels.column('sex'), value: (r) => labels.sex(r.sex) },
            { label: labels.column('persons'), value: (r) => r.persons },
          ]}
          chart={
            <BarChart
              height={barsHeight(pyramid.length)}
              layout="horizontal"
              dataset={pyramid}
              yAxis={[{ ...CATEGORY_AXIS, width: 50 }]}
              xAxis={[{ tickMinStep: 1, valueFormatter: (v: number) => format(Math.abs(v)) }]}
              series={(['M', 'F'] as const).map((sex) => ({
                dataKey: sex,
                label: labels.sex(sex),
                stack: 'pyramid',
                valueFormatter: (v: number | null) => format(v === null ? null : Math.abs(v)),
              }))}
            />
          }
        />
      </Grid>
      <Grid size={{ xs: 12, lg: 6 }}>
        <FigureCard
          id="education"
          title={labels.figure('education')}
          fileName={file('education')}
          rows={board.education}
          columns={[
            { label: labels.column('education'), value: (r) => labels.education(r.educationLevel) },
            { label: labels.column('persons'), value: (r) => r.persons },
          ]}
          chart={
            <BarChart
              height={barsHeight(education.length)}
              layout="horizontal"
              xAxis={COUNT_AXIS}
              dataset={education}
              yAxis={[{ ...CATEGORY_AXIS, width: 140 }]}
              series={[{ dataKey: 'persons', label: labels.column('persons') }]}
              hideLegend
            />
          }
        />
      </Grid>
      <Grid size={{ xs: 12, lg: 6 }}>
        <FigureCard
          id="referrals"
          title={labels.figure('referrals')}
          fileName={file('referrals')}
          rows={board.referralsByOutcome}
          columns={[
            { label: labels.column('outcome'), value: (r) => labels.referralOutcome(r.outcome) },
            { label: labels.column('referrals'), value: (r) => r.referrals },
          ]}
          chart={
            <BarChart
              height={barsHeight(referrals.length)}
              layout="horizontal"
              xAxis={COUNT_AXIS}
              dataset={referrals}
              yAxis={[{ ...CATEGORY_AXIS, width: 150 }]}
              series={[{ dataKey: 'referrals', label: labels.column('referrals') }]}
              hideLegend
            />
          }
          note={
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }} data-testid="referral-wait">
              {wait.enrolled > 0
                ? translate('app.monitoring.referral_wait', {
                    median: format(wait.medianDays),
                    p90: format(wait.p90Days),
                    count: format(wait.enrolled),
                  })
                : translate('app.monitoring.referral_wait_none')}
            </Typography>
          }
        />
      </Grid>
      <Grid size={{ xs: 12, lg: 6 }}>
        <FigureCard
          id="payments"
          title={labels.figure('payments')}
          fileName={file('support-paid')}
          rows={board.payments}
          columns={[
            { label: labels.column('kind'), value: (r) => labels.benefitKind(r.kind) },
            { label: labels.column('payments'), value: (r) => r.payments },
            { label: labels.column('amount_mci'), value: (r) => r.amountMci },
            { label: labels.column('amount_kzt'), value: (r) => r.amountKzt },
          ]}
          chart={
            <BarChart
              height={barsHeight(payments.length)}
              layout="horizontal"
              xAxis={COUNT_AXIS}
              dataset={payments}
              yAxis={[{ ...CATEGORY_AXIS, width: 150 }]}
              series={[
                { dataKey: 'amountKzt', label: labels.column('amount_kzt'), valueFormatter: (v) => formatMoney(v) },
              ]}
              hideLegend
            />
          }
        />
      </Grid>
      <Grid size={{ xs: 12, lg: 6 }}>
        <FigureCard
          id="balance"
          title={labels.figure('balance')}
          fileName={file('settlement-balance')}
          rows={board.settlementBalance}
          columns={[
            { label: labels.column('year'), value: (r) => r.year },
            { label: labels.column('group'), value: (r) => labels.balanceGroup(r.group) },
            { label: labels.column('persons'), value: (r) => r.persons },
            { label: labels.column('share'), value: (r) => formatPercent(r.share, 1) },
          ]}
          chart={
            <BarChart
              height={280}
              dataset={balance}
              xAxis={[{ scaleType: 'band', dataKey: 'label' }]}
              yAxis={[{ max: 1, valueFormatter: (v: number) => formatPercent(v) }]}
              series={SETTLEMENT_BALANCE_GROUPS.map((g) => ({
                dataKey: g,
                label: labels.balanceGroup(g),
                stack: 'balance',
                valueFormatter: (v: number | null) => formatPercent(v, 1),
              }))}
            />
          }
        />
      </Grid>
    </>
  );
};
