import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Alert,
  Box,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { stackOnPhone } from '../common/stackOnPhone';
import { useFormatNumber, useFormatPercent, useFormatScore } from '../common/useFormatNumber';
import type { PlacementBatch, StoredReport } from '../providers/placementTypes';
import { useRegionNames } from '../quotas/useRegionNames';
import { planInPlainWords } from './planInPlainWords';

const Figure = ({ name, label, value }: { name: string; label: string; value: string }) => (
  <Box data-field={name}>
    <Typography variant="caption" color="text.secondary">
      {label}
    </Typography>
    <Typography variant="h6">{value}</Typography>
  </Box>
);

/**
 * A proposed batch in the official's words — how close to the best possible plan,
 * how many families get a place and where, how many wait — then the optimal
 * assignment against first come, first served. The solver's own figures (LP bound,
 * gap, time, fractional families) wait in a collapsed panel.
 */
export const BatchSummary = ({ batch }: { batch: PlacementBatch }) => {
  const translate = useTranslate();
  const { nameOf } = useRegionNames();
  const formatNumber = useFormatNumber();
  const formatPercent = useFormatPercent();
  const formatScore = useFormatScore();
  const percent = (value: number) => formatPercent(value, 2);
  const report = batch.fcfsReport;
  const [headline, ...facts] = planInPlainWords(batch, percent);
  const underfilled = (r: StoredReport) =>
    r.underfilledRegions.length === 0
      ? '—'
      : r.underfilledRegions.map((u) => `${nameOf(u.regionId)} (${formatNumber(u.leftover)})`).join(', ');
  const rows: { key: string; value: (r: StoredReport) => string }[] = [
    { key: 'placed', value: (r) => `${formatNumber(r.placed)} / ${formatNumber(r.families)}` },
    { key: 'unplaced', value: (r) => formatNumber(r.unplaced) },
    { key: 'preferred_share', value: (r) => formatPercent(r.preferredShare, 1) },
    { key: 'underfilled', value: underfilled },
  ];
  const technical: { name: string; label: string; value: string }[] = [
    { name: 'totalScore', label: 'app.placement.total_score', value: formatScore(batch.totalScore ?? 0) },
    { name: 'lpBound', label: 'app.placement.lp_bound', value: formatScore(batch.lpBound) },
    {
      name: 'gap',
      label: 'app.placement.gap',
      value: formatPercent(batch.gap, 4),
    },
    {
      name: 'solveMs',
      label: 'app.placement.solve_time',
      value: translate('app.placement.ms', { ms: formatNumber(batch.solveMs ?? 0) }),
    },
    {
      name: 'fractionalFamilies',
      label: 'app.plan_words.fractional_families',
      value: report?.solver?.fractionalFamilies === undefined ? '—' : formatNumber(report.solver.fractionalFamilies),
    },
  ];
  return (
    <Stack spacing={2} aria-label={translate('app.placement.summary')}>
      {headline && (
        <Alert severity="success" data-testid="plan-headline">
          {translate(`app.plan_words.${headline.key}`, headline.args)}
        </Alert>
      )}
      <Box component="ul" sx={{ m: 0, pl: 3 }} data-testid="plan-facts">
        <Typography component="li" variant="body2" data-field="families">
          {translate('app.plan_words.families', { families: formatNumber(batch.families ?? 0) })}
        </Typography>
        {facts.map((line) => (
          <Typography component="li" variant="body2" key={line.key} data-field={`plain-${line.key}`}>
            {translate(`app.plan_words.${line.key}`, line.args)}
          </Typography>
        ))}
      </Box>
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
                <TableCell align="right">{row.value(report.optimal)}</TableCell>
                <TableCell align="right">{row.value(report.firstComeFirstServed)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Accordion disableGutters variant="outlined" sx={{ maxWidth: 900 }}>
        <AccordionSummary expandIcon={<ExpandMoreIcon />} data-testid="plan-technical">
          <Typography variant="body2">{translate('app.plan_words.technical')}</Typography>
        </AccordionSummary>
        <AccordionDetails>
          <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
            {translate('app.plan_words.technical_help')}
          </Typography>
          <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
            {technical.map((figure) => (
              <Figure key={figure.name} name={figure.name} label={translate(figure.label)} value={figure.value} />
            ))}
            {report && (
              <Figure
                name="fcfsTotalScore"
                label={`${translate('app.placement.report.total_score')} (${translate('app.placement.fcfs')})`}
                value={formatScore(report.firstComeFirstServed.totalScore)}
              />
            )}
          </Stack>
        </AccordionDetails>
      </Accordion>
    </Stack>
  );
};
