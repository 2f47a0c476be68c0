import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { FORECAST_MODELS } from '@qonys/domain';
import { useQuery } from '@tanstack/react-query';
import { Title, useDataProvider, useLocaleState, useTranslate } from 'react-admin';
import { toCsv } from '../common/export/csv';
import { formatDateTime } from '../common/format';
import { saveFile } from '../common/saveFile';
import { useFormatNumber, useFormatPercent } from '../common/useFormatNumber';
import { useRole } from '../common/useRole';
import { useTranslateMessage } from '../common/useTranslateMessage';
import { useLocalizedName } from '../common/localizedName';
import type { QonysDataProvider } from '../providers/dataProvider';
import { useRegionNames } from '../quotas/useRegionNames';
import { ForecastChart } from './ForecastChart';
import type { ForecastView } from './forecastTypes';

const tableBox = { overflowX: 'auto', maxWidth: '100%' } as const;

/** Per region (or the whole country): history, forecast with intervals, baseline, backtest, quota and warnings. */
export const ForecastsPage = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const { nationwide, regionId } = useRole();
  const { regions } = useRegionNames();
  const name = useLocalizedName();
  const own = regions.find((r) => r.id === regionId);
  const [chosen, setChosen] = useState<string | null>(null);
  const regionCode = chosen ?? (nationwide ? 'national' : (own?.code ?? 'national'));
  const options = [
    { code: 'national', label: translate('app.forecasts.national') },
    ...regions.filter((r) => nationwide || r.id === regionId).map((r) => ({ code: r.code, label: name(r) })),
  ];
  const { data, isPending, error } = useQuery({
    queryKey: ['forecasts', regionCode],
    queryFn: () => dataProvider.getForecast(regionCode),
  });
  return (
    // A grid of one minmax(0, 1fr) column: the wide tables scroll inside their cards
    // instead of widening the layout (a phone at 390 px).
    <Box sx={{ py: 2, display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)' }}>
      <Title title={translate('app.forecasts.title')} />
      <Stack spacing={2}>
        <TextField
          select
          size="small"
          label={translate('app.forecasts.region')}
          value={options.some((o) => o.code === regionCode) ? regionCode : 'national'}
          onChange={(event) => setChosen(event.target.value)}
          sx={{ maxWidth: 360 }}
        >
          {options.map((o) => (
            <MenuItem key={o.code} value={o.code}>
              {o.label}
            </MenuItem>
          ))}
        </TextField>
        {isPending ? (
          <Box sx={{ py: 6, textAlign: 'center' }}>
            <CircularProgress aria-label={translate('ra.page.loading')} />
          </Box>
        ) : error || !data ? (
          <Alert severity="error">{translate('app.forecasts.load_error')}</Alert>
        ) : (
          <ForecastDetails forecast={data} />
        )}
      </Stack>
    </Box>
  );
};

const ForecastDetails = ({ forecast }: { forecast: ForecastView }) => {
  const translate = useTranslate();
  const translateMessage = useTranslateMessage();
  const [locale] = useLocaleState();
  const modelName = (model: string) => translate(`app.forecasts.models.${model}`);
  return (
    <Stack spacing={2} sx={{ minWidth: 0 }}>
      {forecast.warnings.map((warning) => (
        <Alert key={warning.code} severity="warning" data-testid="forecast-warning">
          {translateMessage(warning)}
        </Alert>
      ))}
      {forecast.model === null ? (
        <Alert severity="info">{forecast.message ? translateMessage(forecast.message) : ''}</Alert>
      ) : (
        <Card variant="outlined">
          <CardContent>
            <Typography variant="h6" component="h2">
              {translate('app.forecasts.chart_heading')}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {translate('app.forecasts.model', { model: modelName(forecast.model) })}
              {forecast.inputs ? ` · ${translate('app.forecasts.inputs', forecast.inputs)}` : ''}
              {' · '}
              {forecast.runId === null
                ? translate('app.forecasts.computed_now')
                : translate('app.forecasts.stored_run', { time: formatDateTime(forecast.computedAt, locale) })}
              {forecast.reconciled ? ` · ${translate('app.forecasts.reconciled')}` : ''}
            </Typography>
            <Box data-testid="forecast-chart" sx={{ minWidth: 0 }}>
              <ForecastChart forecast={forecast} />
            </Box>
          </CardContent>
        </Card>
      )}
      <QuotaCard forecast={forecast} />
      {forecast.model !== null && <BacktestCard forecast={forecast} />}
      {forecast.points.length > 0 && <PointsCard forecast={forecast} />}
      <YearlyCard forecast={forecast} />
    </Stack>
  );
};

const QuotaCard = ({ forecast }: { forecast: ForecastView }) => {
  const translate = useTranslate();
  const formatNumber = useFormatNumber();
  const { quota } = forecast;
  const rows: [string, number | null][] = [
    ['app.forecasts.capacity', quota.quotas > 0 ? quota.capacity : null],
    ['app.forecasts.reserved', quota.quotas > 0 ? quota.reserved : null],
    ['app.forecasts.settled', quota.quotas > 0 ? quota.settled : null],
    ['app.forecasts.free', quota.quotas > 0 ? quota.free : null],
    ['app.forecasts.places', forecast.adaptationCentrePlaces],
    ['app.forecasts.expected', forecast.model === null ? null : forecast.expectedRestOfYear],
  ];
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate('app.forecasts.quota_heading', { year: quota.year })}
        </Typography>
        {quota.quotas === 0 && (
          <Typography variant="body2" color="text.secondary" gutterBottom>
            {translate('app.forecasts.no_quota')}
          </Typography>
        )}
        <Table size="small">
          <TableBody>
            {rows.map(([label, value]) => (
              <TableRow key={label}>
                <TableCell component="th" scope="row">
                  {translate(label)}
                </TableCell>
                <TableCell align="right">{formatNumber(value, { maximumFractionDigits: 0 })}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
};

const BacktestCard = ({ forecast }: { forecast: ForecastView }) => {
  const translate = useTranslate();
  const formatNumber = useFormatNumber();
  const formatPercent = useFormatPercent();
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate('app.forecasts.backtest_heading')}
        </Typography>
        <Box sx={tableBox}>
          <Table size="small" data-testid="backtest-table">
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.forecasts.backtest_model')}</TableCell>
                <TableCell align="right">{translate('app.forecasts.mase')}</TableCell>
                <TableCell align="right">{translate('app.forecasts.smape')}</TableCell>
                <TableCell align="right">{translate('app.forecasts.coverage80')}</TableCell>
                <TableCell align="right">{translate('app.forecasts.coverage95')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {FORECAST_MODELS.map((model) => {
                const score = forecast.backtestByModel[model] ?? null;
                const tags = [
                  model === forecast.model ? translate('app.forecasts.chosen') : null,
                  model === forecast.baseline ? translate('app.forecasts.baseline') : null,
                ].filter(Boolean);
                return (
                  <TableRow key={model} selected={model === forecast.model}>
                    <TableCell component="th" scope="row">
                      {translate(`app.forecasts.models.${model}`)}
                      {tags.length > 0 ? ` (${tags.join(', ')})` : ''}
                    </TableCell>
                    {score === null ? (
                      <TableCell colSpan={4} align="right">
                        {translate('app.forecasts.not_scored')}
                      </TableCell>
                    ) : (
                      <>
                        <TableCell align="right">
                          {formatNumber(score.mase, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}
                        </TableCell>
                        <TableCell align="right">{formatNumber(score.smape, { maximumFractionDigits: 1 })}</TableCell>
                        <TableCell align="right">{formatPercent(score.coverage80)}</TableCell>
                        <TableCell align="right">{formatPercent(score.coverage95)}</TableCell>
                      </>
                    )}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </Box>
      </CardContent>
    </Card>
  );
};

const POINT_FIELDS = ['mean', 'lo80', 'hi80', 'lo95', 'hi95'] as const;

const PointsCard = ({ forecast }: { forecast: ForecastView }) => {
  const translate = useTranslate();
  const formatNumber = useFormatNumber();
  const download = () => {
    const csv = toCsv(
      ['month', ...POINT_FIELDS, 'baseline_mean', 'baseline_lo95', 'baseline_hi95', 'model'],
      forecast.points.map((p, i) => [
        p.month,
        ...POINT_FIELDS.map((f) => Math.round(p[f] * 100) / 100),
        Math.round(forecast.baselinePoints[i].mean * 100) / 100,
        Math.round(forecast.baselinePoints[i].lo95 * 100) / 100,
        Math.round(forecast.baselinePoints[i].hi95 * 100) / 100,
        forecast.model,
      ]),
    );
    saveFile(
      new Blob([csv], { type: 'text/csv;charset=utf-8' }),
      `forecast-${forecast.regionCode}-${forecast.from}.csv`,
    );
  };
  return (
    <Card variant="outlined">
      <CardContent>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
          <Typography variant="h6" component="h2">
            {translate('app.forecasts.points_heading')}
          </Typography>
          <Button size="small" startIcon={<DownloadIcon />} onClick={download}>
            {translate('app.forecasts.download')}
          </Button>
        </Stack>
        <Box sx={tableBox}>
          <Table size="small" data-testid="forecast-points">
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.forecasts.month')}</TableCell>
                {POINT_FIELDS.map((f) => (
                  <TableCell key={f} align="right">
                    {translate(`app.forecasts.${f}`)}
                  </TableCell>
                ))}
                <TableCell align="right">{translate('app.forecasts.seasonal_naive')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {forecast.points.map((p, i) => (
                <TableRow key={p.month}>
                  <TableCell>{p.month}</TableCell>
                  {POINT_FIELDS.map((f) => (
                    <TableCell key={f} align="right">
                      {formatNumber(p[f], { maximumFractionDigits: 0 })}
                    </TableCell>
                  ))}
                  <TableCell align="right">
                    {formatNumber(forecast.baselinePoints[i]?.mean, { maximumFractionDigits: 0 })}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      </CardContent>
    </Card>
  );
};

const YearlyCard = ({ forecast }: { forecast: ForecastView }) => {
  const translate = useTranslate();
  const formatNumber = useFormatNumber();
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate('app.forecasts.yearly_heading')}
        </Typography>
        {forecast.yearly.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {translate('app.forecasts.yearly_empty')}
          </Typography>
        ) : (
          <Box sx={tableBox}>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('app.forecasts.year')}</TableCell>
                  <TableCell align="right">{translate('app.forecasts.persons')}</TableCell>
                  <TableCell>{translate('app.forecasts.confirmed')}</TableCell>
                  <TableCell>{translate('app.forecasts.note')}</TableCell>
                  <TableCell>{translate('app.forecasts.source')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {forecast.yearly.map((y) => (
                  <TableRow key={y.year}>
                    <TableCell>{y.year}</TableCell>
                    <TableCell align="right">{formatNumber(y.persons)}</TableCell>
                    <TableCell>
                      {translate(y.confirmed ? 'app.forecasts.confirmed' : 'app.forecasts.unconfirmed')}
                    </TableCell>
                    <TableCell>{y.note}</TableCell>
                    <TableCell sx={{ wordBreak: 'break-all' }}>
                      {/^https?:\/\//.test(y.source) ? (
                        <a href={y.source} target="_blank" rel="noopener noreferrer">
                          {new URL(y.source).hostname}
                        </a>
                      ) : (
                        y.source
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        )}
      </CardContent>
    </Card>
  );
};

export default ForecastsPage;
