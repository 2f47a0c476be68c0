import { Grid } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { LineChart } from '@mui/x-charts/LineChart';
import type { MonitoringDashboard } from '@qonys/domain';
import { useNavigate } from 'react-router-dom';
import { useFormatNumber } from '../common/useFormatNumber';
import { FigureCard } from './FigureCard';
import { applicationsLink, overdueLink, quotaLink } from './links';
import type { FigureLabels } from './useFigureLabels';

const HEIGHT = 280;
/** Horizontal bars: a row per category, so region names stay readable on a phone. */
const barsHeight = (count: number) => Math.max(160, 40 + count * 26);
/** Counts: whole-number ticks only. */
const COUNT_AXIS = [{ tickMinStep: 1 }];
const CATEGORY_AXIS = { scaleType: 'band' as const, dataKey: 'label', width: 120, tickLabelStyle: { fontSize: 11 } };
const months = (year: number) => Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
const distinct = <T,>(values: T[]) => [...new Set(values)];

interface FiguresProps {
  board: MonitoringDashboard;
  labels: FigureLabels;
  fileSuffix: string;
}

/** The case work figures: applications, processing time, decisions, overdue cases, quotas, arrivals. */
export const CaseFigures = ({ board, labels, fileSuffix }: FiguresProps) => {
  const navigate = useNavigate();
  const format = useFormatNumber();
  const year = months(board.year);

  const statuses = distinct(board.applicationsByMonth.map((r) => r.status));
  const applications = year.map((month) => ({
    label: labels.shortMonth(month),
    ...Object.fromEntries(
      statuses.map((s) => [
        s,
        // An empty month draws no bar rather than a flat one.
        board.applicationsByMonth.find((r) => r.month === month && r.status === s)?.applications ?? null,
      ]),
    ),
  }));

  const processing = board.processingByMonth.map((r) => ({
    label: labels.shortMonth(r.month),
    median: r.medianWorkingDays,
    p90: r.p90WorkingDays,
    term: board.statutoryTermWorkingDays,
  }));

  const decisions = board.decisionsByGround.map((r) => ({
    label: [labels.outcome(r.outcome), labels.ground(r)].filter(Boolean).join(': '),
    decisions: r.decisions,
  }));
  const overdue = board.overdueByRegion.map((r) => ({ label: labels.region(r.regionId), overdue: r.overdue }));
  const quotas = board.quotaByRegion.map((r) => ({ label: labels.region(r.regionId), ...r }));

  const arrivalRegions = distinct(board.arrivalsByMonth.map((r) => r.regionId));
  const arrivals = year.map((month) => ({
    label: labels.shortMonth(month),
    ...Object.fromEntries(
      arrivalRegions.map((id) => [
        `r${id}`,
        board.arrivalsByMonth.find((r) => r.month === month && r.regionId === id)?.persons ?? null,
      ]),
    ),
  }));

  const file = (name: string) => `${name}-${fileSuffix}.csv`;
  return (
    <>
      <Grid size={{ xs: 12, lg: 6 }}>
        <FigureCard
          id="applications"
          title={labels.figure('applications')}
          fileName={file('applications')}
          rows={board.applicationsByMonth}
          columns={[
            { label: labels.column('month'), value: (r) => labels.month(r.month) },
            { label: labels.column('status'), value: (r) => labels.status(r.status) },
            { label: labels.column('applications'), value: (r) => r.applications },
          ]}
          linkFor={(r) => applicationsLink(r.status, r.month, board.regionId)}
          chart={
            <BarChart
              height={HEIGHT}
              dataset={applications}
              xAxis={[{ scaleType: 'band', dataKey: 'label' }]}
              yAxis={COUNT_AXIS}
              series={statuses.map((s) => ({ id: s, dataKey: s, label: labels.status(s), stack: 'status' }))}
              onItemClick={(_, item) =>
                navigate(applicationsLink(String(item.seriesId), year[item.dataIndex], board.regionId))
              }
            />
          }
        />
      </Grid>
      <Grid size={{ xs: 12, lg: 6 }}>
        <FigureCard
          id="processing"
          title={labels.figure('processing')}
          fileName={file('processing-time')}
          rows={board.processingByMonth}
          columns={[
            { label: labels.column('month'), value: (r) => labels.month(r.month) },
            { label: labels.column('decisions'), value: (r) => r.decisions },
            { label: labels.column('median'), value: (r) => r.medianWorkingDays ?? '' },
            { label: labels.column('p90'), value: (r) => r.p90WorkingDays ?? '' },
            { label: labels.column('term'), value: () => board.statutoryTermWorkingDays ?? '' },
          ]}
          chart={
            <LineChart
              height={HEIGHT}
              dataset={processing}
              xAxis={[{ scaleType: 'point', dataKey: 'label' }]}
              series={[
                { dataKey: 'median', label: labels.column('median'), curve: 'linear' },
                { dataKey: 'p90', label: labels.column('p90'), curve: 'linear' },
                { dataKey: 'term', label: labels.column('term'), curve: 'linear', showMark: false },
              ]}
            />
          }
        />
      </Grid>
      <Grid size={{ xs: 12, lg: 6 }}>
        <FigureCard
          id="decisions"
          title={labels.figure('decisions')}
          fileName={file('decisions')}
          rows={board.decisionsByGround}
          columns={[
            { label: labels.column('outcome'), value: (r) => labels.outcome(r.outcome) },
            { label: labels.column('legal_ground'), value: (r) => labels.ground(r) },
            { label: labels.column('decisions'), value: (r) => r.decisions },
          ]}
          chart={
            <BarChart
              height={barsHeight(decisions.length)}
              layout="horizontal"
              xAxis={COUNT_AXIS}
              dataset={decisions}
              yAxis={[{ ...CATEGORY_AXIS, width: 160 }]}
              series={[{ dataKey: 'decisions', label: labels.column('decisions') }]}
              hideLegend
            />
          }
        />
      </Grid>
      <Grid size={{ xs: 12, lg: 6 }}>
        <FigureCard
          id="overdue"
          title={labels.figure('overdue')}
          fileName={file('overdue')}
          rows={board.overdueByRegion}
          columns={[
            { label: labels.column('region'), value: (r) => labels.region(r.regionId) },
            { label: labels.column('overdue'), value: (r) => r.overdue },
          ]}
          linkFor={(r) => overdueLink(r.regionId)}
          chart={
            <BarChart
              height={barsHeight(overdue.length)}
              layout="horizontal"
              xAxis={COUNT_AXIS}
              dataset={overdue}
              yAxis={[CATEGORY_AXIS]}
              series={[{ dataKey: 'overdue', label: labels.column('overdue'), color: '#d32f2f' }]}
              hideLegend
              onItemClick={(_, item) => navigate(overdueLink(board.overdueByRegion[item.dataIndex].regionId))}
            />
          }
        />
      </Grid>
      <Grid size={{ xs: 12, lg: 6 }}>
        <FigureCard
          id="quota"
          title={labels.figure('quota')}
          fileName={file('quota-fill')}
          rows={board.quotaByRegion}
          columns={[
            { label: labels.column('region'), value: (r) => labels.region(r.regionId) },
            { label: labels.column('capacity'), value: (r) => r.capacity },
            { label: labels.column('reserved'), value: (r) => r.reserved },
            { label: labels.column('settled'), value: (r) => r.settled },
            { label: labels.column('free'), value: (r) => r.free },
          ]}
          linkFor={(r) => quotaLink(board.year, r.regionId)}
          chart={
            <BarChart
              height={barsHeight(quotas.length)}
              layout="horizontal"
              xAxis={COUNT_AXIS}
              dataset={quotas}
              yAxis={[CATEGORY_AXIS]}
              series={(['settled', 'reserved', 'free'] as const).map((key) => ({
                dataKey: key,
                label: labels.column(key),
                stack: 'quota',
                valueFormatter: (v: number | null) => format(v),
              }))}
              onItemClick={(_, item) => navigate(quotaLink(board.year, board.quotaByRegion[item.dataIndex].regionId))}
            />
          }
        />
      </Grid>
      <Grid size={{ xs: 12, lg: 6 }}>
        <FigureCard
          id="arrivals"
          title={labels.figure('arrivals')}
          fileName={file('arrivals')}
          rows={board.arrivalsByMonth}
          columns={[
            { label: labels.column('month'), value: (r) => labels.month(r.month) },
            { label: labels.column('region'), value: (r) => labels.region(r.regionId) },
            { label: labels.column('families'), value: (r) => r.families },
            { label: labels.column('persons'), value: (r) => r.persons },
          ]}
          chart={
            <BarChart
              height={HEIGHT}
              dataset={arrivals}
              xAxis={[{ scaleType: 'band', dataKey: 'label' }]}
              yAxis={COUNT_AXIS}
              series={arrivalRegions.map((id) => ({
                dataKey: `r${id}`,
                label: labels.region(id),
                stack: 'arrivals',
              }))}
              // Up to 20 regions: the tooltip and the table name them; a legend would crowd a phone.
              hideLegend={arrivalRegions.length > 4}
            />
          }
        />
      </Grid>
    </>
  );
};
