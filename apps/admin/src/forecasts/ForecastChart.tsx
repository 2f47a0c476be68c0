import { alpha, useTheme } from '@mui/material';
import { LineChart } from '@mui/x-charts/LineChart';
import { useTranslate } from 'react-admin';
import { useFormatNumber } from '../common/useFormatNumber';
import type { ForecastView } from './forecastTypes';

/**
 * History, forecast mean and its 80 % and 95 % intervals, and the seasonal-naive
 * baseline. A band is two stacked areas: its low bound drawn transparent, then the
 * width between the bounds.
 */
export const ForecastChart = ({ forecast }: { forecast: ForecastView }) => {
  const translate = useTranslate();
  const theme = useTheme();
  const formatNumber = useFormatNumber();
  const months = [...forecast.history.map((h) => h.month), ...forecast.points.map((p) => p.month)];
  const past = forecast.history.length;
  const ahead = <T,>(values: T[]): (T | null)[] => [...Array<null>(past).fill(null), ...values];
  const color = theme.palette.primary.main;
  const format = (value: number | null) => (value === null ? '' : formatNumber(value, { maximumFractionDigits: 0 }));
  const band = (stack: string, lo: number[], hi: number[], label: string, opacity: number) => [
    {
      id: `${stack}-low`,
      data: ahead(lo),
      stack,
      area: true,
      showMark: false,
      color: 'transparent',
      valueFormatter: () => null,
    },
    {
      id: stack,
      data: ahead(hi.map((h, i) => h - lo[i])),
      stack,
      area: true,
      showMark: false,
      label,
      color: alpha(color, opacity),
      valueFormatter: (_: number | null, { dataIndex }: { dataIndex: number }) =>
        dataIndex < past ? null : `${format(lo[dataIndex - past])} – ${format(hi[dataIndex - past])}`,
    },
  ];
  return (
    <LineChart
      height={320}
      skipAnimation
      xAxis={[{ scaleType: 'point', data: months }]}
      yAxis={[{ min: 0, width: 56 }]}
      margin={{ right: 8 }}
      series={[
        ...band(
          'band95',
          forecast.points.map((p) => p.lo95),
          forecast.points.map((p) => p.hi95),
          translate('app.forecasts.band95'),
          0.12,
        ),
        ...band(
          'band80',
          forecast.points.map((p) => p.lo80),
          forecast.points.map((p) => p.hi80),
          translate('app.forecasts.band80'),
          0.22,
        ),
        {
          id: 'observed',
          data: [...forecast.history.map((h) => h.persons), ...forecast.points.map(() => null)],
          label: translate('app.forecasts.observed'),
          showMark: false,
          color: theme.palette.text.primary,
          valueFormatter: format,
        },
        {
          id: 'forecast',
          data: ahead(forecast.points.map((p) => p.mean)),
          label: translate('app.forecasts.forecast'),
          showMark: false,
          color,
          valueFormatter: format,
        },
        {
          id: 'baseline',
          data: ahead(forecast.baselinePoints.map((p) => p.mean)),
          label: translate('app.forecasts.seasonal_naive'),
          showMark: false,
          color: theme.palette.warning.main,
          valueFormatter: format,
        },
      ]}
      sx={{
        '& .MuiLineElement-root[data-series="baseline"]': { strokeDasharray: '6 4' },
        '& .MuiLineElement-root[data-series^="band"]': { display: 'none' },
      }}
    />
  );
};
