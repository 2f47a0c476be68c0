import { useState } from 'react';
import { Alert, Autocomplete, Box, Grid, MenuItem, Skeleton, TextField, Typography } from '@mui/material';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDataProvider, useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/format';
import { localizedName } from '../common/localizedName';
import { useRole } from '../common/useRole';
import { useCountryChoices } from '../common/world/useWorldChoices';
import { matchesWorldChoice } from '../common/world/worldNames';
import type { MonitoringFilters } from '../providers/monitoringMethods';
import type { QonysDataProvider } from '../providers/dataProvider';
import { CaseFigures } from './CaseFigures';
import { PeopleFigures } from './PeopleFigures';
import { useFigureLabels } from './useFigureLabels';
import type { MonitoringDashboard } from '@qonys/domain';

/** Kazakhstan's year now (UTC+5), the API's default. */
const thisYear = () => new Date(Date.now() + 5 * 3_600_000).getUTCFullYear();
const YEARS_BACK = 10;

/**
 * The monitoring charts of the dashboard (docs/monitoring.md), loaded lazily with
 * @mui/x-charts so that the sign-in page does not carry them. A region's staff see
 * their region (the server decides); national roles may pick a region.
 */
const MonitoringPanel = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { nationwide } = useRole();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const countries = useCountryChoices();
  const [filters, setFilters] = useState<MonitoringFilters>({ year: thisYear() });
  const { data, isPending, error } = useQuery({
    queryKey: ['monitoring', filters],
    queryFn: () => dataProvider.getMonitoring(filters),
    placeholderData: keepPreviousData,
  });
  const years = Array.from({ length: YEARS_BACK + 1 }, (_, i) => thisYear() - i);
  const origin = countries.find((c) => c.id === filters.origin) ?? null;

  return (
    <Box sx={{ mt: 3 }} data-testid="monitoring">
      <Typography variant="h6" component="h2" gutterBottom>
        {translate('app.monitoring.title')}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, mb: 2 }}>
        <TextField
          select
          size="small"
          label={translate('app.monitoring.filters.year')}
          value={filters.year}
          onChange={(e) => setFilters({ ...filters, year: Number(e.target.value) })}
          sx={{ width: 120 }}
          slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'monitoring-year' } as object } }}
        >
          {years.map((y) => (
            <MenuItem key={y} value={y}>
              {y}
            </MenuItem>
          ))}
        </TextField>
        {nationwide && data && (
          <TextField
            select
            size="small"
            label={translate('app.monitoring.filters.region')}
            value={filters.regionId ?? ''}
            onChange={(e) =>
              setFilters({ ...filters, regionId: e.target.value === '' ? undefined : Number(e.target.value) })
            }
            sx={{ width: 260, maxWidth: '100%' }}
            slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
          >
            <MenuItem value="">{translate('app.monitoring.filters.all_regions')}</MenuItem>
            {data.regions.map((r) => (
              <MenuItem key={r.id} value={r.id}>
                {localizedName(r, locale)}
              </MenuItem>
            ))}
          </TextField>
        )}
        <Autocomplete
          size="small"
          options={countries}
          value={origin}
          getOptionLabel={(c) => c.name}
          filterOptions={(options, state) => options.filter((c) => matchesWorldChoice(state.inputValue, c))}
          onChange={(_, next) => setFilters({ ...filters, origin: next?.id })}
          sx={{ width: 260, maxWidth: '100%' }}
          renderInput={(params) => (
            <TextField
              {...params}
              label={translate('app.monitoring.filters.origin')}
              placeholder={translate('app.monitoring.filters.all_origins')}
              slotProps={{ inputLabel: { shrink: true } }}
            />
          )}
        />
      </Box>
      {error && <Alert severity="error">{translate('app.monitoring.error')}</Alert>}
      {isPending && (
        <>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {translate('app.monitoring.loading')}
          </Typography>
          <Skeleton variant="rounded" height={280} />
        </>
      )}
      {data && <Figures board={data} />}
    </Box>
  );
};

const Figures = ({ board }: { board: MonitoringDashboard }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const labels = useFigureLabels(board);
  const fileSuffix = [board.year, board.regionId === null ? null : labels.region(board.regionId), board.origin]
    .filter((part) => part !== null)
    .join('-');
  return (
    <>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }} data-testid="monitoring-as-of">
        {board.asOf
          ? translate('app.monitoring.as_of', { time: formatDateTime(board.asOf, locale) })
          : translate('app.monitoring.never_refreshed')}
      </Typography>
      <Grid container spacing={2}>
        <CaseFigures board={board} labels={labels} fileSuffix={fileSuffix} />
        <PeopleFigures board={board} labels={labels} fileSuffix={fileSuffix} />
      </Grid>
    </>
  );
};

export default MonitoringPanel;
