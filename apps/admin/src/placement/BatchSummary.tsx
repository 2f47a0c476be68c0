import type { PlacementReport } from '@qonys/domain';
import { Box, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { stackOnPhone } from '../common/stackOnPhone';
import { useFormatNumber, useFormatPercent, useFormatScore } from '../common/useFormatNumber';
import type { PlacementBatch } from '../providers/placementTypes';
import { useRegionNames } from '../quotas/useRegionNames';

const Figure = ({ name, label, value }: { name: string; label: string; value: string }) => (
  <Box data-field={name}>
    <Typography variant="caption" color="text.secondary">
      {label}
    </Typography>
    <Typography variant="h6">{value}</Typography>
  </Box>
);

/** A proposed batch: its solver figures, and the optimal assignment against first-come-first-served. */
export const BatchSummary = ({ batch }: { batch: PlacementBatch }) => {
  const translate = useTranslate();
  const { nameOf } = useRegionNames();
  const formatNumber = useFormatNumber();
  const formatPercent = useFormatPercent();
  const formatScore = useFormatScore();
  const report = batch.fcfsReport;
  const underfilled = (r: PlacementReport) =>
    r.underfilledRegions.length === 0
      ? '—'
      : r.underfilledRegions.map((u) => `${nameOf(u.regionId)} (${formatNumber(u.leftover)})`).join(', ');
  const rows: { key: string; value: (r: PlacementReport) => string }[] = [
    { key: 'placed', value: (r) => `${formatNumber(r.placed)} / ${formatNumber(r.families)}` },
    { key: 'unplaced', value: (r) => formatNumber(r.unplaced) },
    { key: 'total_score', value: (r) => formatScore(r.totalScore) },
    { key: 'preferred_share', value: (r) => formatPercent(r.preferredShare, 1) },
    { key: 'underfilled', value: underfilled },
  ];
  return (
    <Stack spacing={2} aria-label={translate('app.placement.summary')}>
      <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Figure name="families" label={translate('app.placement.families')} value={formatNumber(batch.families ?? 0)} />
        <Figure
          name="totalScore"
          label={translate('app.placement.total_score')}
          value={formatScore(batch.totalScore ?? 0)}
        />
        <Figure name="lpBound" label={translate('app.placement.lp_bound')} value={formatScore(batch.lpBound)} />
        <Figure name="gap" label={translate('app.placement.gap')} value={formatPercent(batch.gap, 3)} />
        <Figure
          name="solveMs"
          label={translate('app.placement.solve_time')}
          value={translate('app.placement.ms', { ms: formatNumber(batch.solveMs ?? 0) })}
        />
      </Stack>
      {report && (
        <Table size="small" sx={[{ maxWidth: 900 }, stackOnPhone]} aria-label={translate('app.placement.comparison')}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.placement.comparison')}</TableCell>
              <TableCell align="right">{translate('app.placement.optimal')}</TableCell>
              <TableCell align="right">{translate('app.placement.fcfs')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.key} data-field={row.key}>
                <TableCell component="th" scope="row">
                  {translate(`app.placement.report.${row.key}`)}
                </TableCell>
                <TableCell align="right" data-label={translate('app.placement.optimal')}>
                  {row.value(report.optimal)}
                </TableCell>
                <TableCell align="right" data-label={translate('app.placement.fcfs')}>
                  {row.value(report.firstComeFirstServed)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Stack>
  );
};
