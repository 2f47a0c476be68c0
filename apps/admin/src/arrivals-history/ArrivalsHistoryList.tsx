import { Box, Stack, Typography } from '@mui/material';
import { BooleanField, DataTable, FunctionField, List, NumberInput, SimpleList, useTranslate } from 'react-admin';
import { CompactLine } from '../common/CompactLine';
import { CountField, DateTimeField } from '../common/DateTimeField';
import { ListActions } from '../common/ListActions';
import { ResponsiveList } from '../common/ResponsiveList';
import { useFormatNumber } from '../common/useFormatNumber';
import { useRole } from '../common/useRole';
import { useRegionNames } from '../quotas/useRegionNames';
import { RegionReferenceInput } from '../users/RegionReferenceInput';
import { HistoryImportButton } from './HistoryImportButton';

interface HistoryRow {
  id: number;
  year: number;
  month: number | null;
  regionId: number | null;
  persons: number;
  source: string;
  confirmed: boolean;
  note: string | null;
}

/** No history yet: the empty page keeps the import reachable. */
const HistoryEmpty = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ textAlign: 'center', py: 6, px: 2, width: '100%' }}>
      <Typography variant="h6" component="p" color="text.secondary" gutterBottom>
        {translate('app.arrivals_history.empty')}
      </Typography>
      <Stack direction="row" sx={{ justifyContent: 'center' }}>
        <HistoryImportButton />
      </Stack>
    </Box>
  );
};

/** Published arrivals per year or month, national or per region, with their sources (docs/monitoring-history.md). */
export const ArrivalsHistoryList = () => {
  const translate = useTranslate();
  const { nationwide } = useRole();
  const { nameOf } = useRegionNames();
  const formatNumber = useFormatNumber();
  const regionOf = (record: HistoryRow) =>
    record.regionId === null ? translate('app.arrivals_history.national') : nameOf(record.regionId);
  const periodOf = (record: HistoryRow) =>
    record.month === null
      ? `${record.year}, ${translate('app.arrivals_history.whole_year')}`
      : `${record.year}-${String(record.month).padStart(2, '0')}`;
  const filters = [
    <NumberInput key="year" source="year" min={1990} max={2200} alwaysOn />,
    ...(nationwide ? [<RegionReferenceInput key="regionId" />] : []),
  ];
  return (
    <List
      filters={filters}
      actions={
        <ListActions>
          <HistoryImportButton />
        </ListActions>
      }
      empty={<HistoryEmpty />}
      sort={{ field: 'year', order: 'DESC' }}
      perPage={25}
    >
      <ResponsiveList
        compact={
          <SimpleList<HistoryRow>
            primaryText={(record) => periodOf(record)}
            secondaryText={(record) => (
              <CompactLine>
                {regionOf(record)}
                {translate(record.confirmed ? 'app.forecasts.confirmed' : 'app.forecasts.unconfirmed')}
              </CompactLine>
            )}
            tertiaryText={(record) => formatNumber(record.persons)}
            rowClick={false}
          />
        }
      >
        <DataTable bulkActionButtons={false} rowClick={false}>
          <DataTable.Col source="year" />
          <DataTable.Col source="month">
            <FunctionField<HistoryRow>
              render={(record) => record.month ?? translate('app.arrivals_history.whole_year')}
            />
          </DataTable.Col>
          <DataTable.Col source="regionId">
            <FunctionField<HistoryRow> render={regionOf} />
          </DataTable.Col>
          <DataTable.Col source="persons" align="right" field={CountField} />
          <DataTable.Col source="confirmed" disableSort field={BooleanField} />
          <DataTable.Col source="source" disableSort />
          <DataTable.Col source="note" disableSort />
          <DataTable.Col source="importedAt" disableSort field={DateTimeField} />
        </DataTable>
      </ResponsiveList>
    </List>
  );
};

export default ArrivalsHistoryList;
