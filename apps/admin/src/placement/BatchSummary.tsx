import type { PlacementReport } from '@qonys/domain';
import { Box, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
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

const percent = (share: number) => `${(share * 100).toFixed(1)} %`;

/** A proposed batch: its solver figures, and the optimal assignment against first-come-first-served. */
export const BatchSummary = ({ batch }: { batch: PlacementBatch }) => {
  const translate = useTranslate();
  const { nameOf } = useRegionNames();
  const report = batch.fcfsReport;
  const underfilled = (r: PlacementReport) =>
    r.underfilledRegions.length === 0
      ? '—'
      : r.underfilledRegions.map((u) => `${nameOf(u.regionId)} (${u.leftover})`).join(', ');
  const rows: { key: string; value: (r: PlacementReport) => string }[] = [
    { key: 'placed', value: (r) => `${r.placed} / ${r.families}` },
    { key: 'unplaced', value: (r) => String(r.unplaced) },
    { key: 'total_score', value: (r) => r.totalScore.toFixed(2) },
    { key: 'preferred_share', value: (r) => percent(r.preferredShare) },
    { key: 'underfilled', value: underfilled },
  ];
  return (
    <Stack spacing={2} aria-label={translate('app.placement.summary')}>
      <Stack direction="row" spacing={4} sx={{ flexWrap: 'wrap' }}>
        <Figure name="families" label={translate('app.placement.families')} value={String(batch.families ?? 0)} />
        <Figure
          name="totalScore"
          label={translate('app.placement.total_score')}
          value={(batch.totalScore ?? 0).toFixed(2)}
        />
        <Figure
          name="lpBound"
          label={translate('app.placement.lp_bound')}
          value={batch.lpBound === null ? '—' : batch.lpBound.toFixed(2)}
        />
        <Figure
          name="gap"
          label={translate('app.placement.gap')}
          value={batch.gap === null ? '—' : `${(batch.gap * 100).toFixed(3)} %`}
        />
        <Figure
          name="solveMs"
          label={translate('app.placement.solve_time')}
          value={translate('app.placement.ms', { ms: batch.solveMs ?? 0 })}
        />
      </Stack>
      {report && (
        <Table size="small" sx={{ maxWidth: 900 }} aria-label={translate('app.placement.comparison')}>
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
                <TableCell align="right">{row.value(report.optimal)}</TableCell>
                <TableCell align="right">{row.value(report.firstComeFirstServed)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Stack>
  );
};
