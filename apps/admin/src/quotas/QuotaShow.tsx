import { useState } from 'react';
import { Box, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import {
  DataTable,
  FunctionField,
  ListContextProvider,
  Loading,
  SimpleList,
  TextField as RaTextField,
  Title,
  useCanAccess,
  useGetList,
  useGetOne,
  useList,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { useParams } from 'react-router-dom';
import { type LedgerEntryView, type QuotaView } from '@qonys/domain';
import { CompactLine } from '../common/CompactLine';
import { CalendarDateField } from '../common/DateTimeField';
import { ResponsiveList } from '../common/ResponsiveList';
import { useFormatNumber } from '../common/useFormatNumber';
import { useTranslateMessage } from '../common/useTranslateMessage';
import { CapacityChangeDialog } from './CapacityChangeDialog';
import { QuotaBar } from './QuotaBar';
import { useRegionNames } from './useRegionNames';

const DELTAS = ['capacityDelta', 'reservedDelta', 'settledDelta'] as const;

/** A region's quota of a year: its figures, and the ledger that made them, oldest first. */
export const QuotaShow = () => {
  const { id } = useParams<{ id: string }>();
  const translate = useTranslate();
  const translateMessage = useTranslateMessage();
  /** A reason the system gave is a code; one a person typed stays as typed. */
  const reasonOf = (entry: LedgerEntryView) => (entry.reasonCode ? translateMessage(entry.reasonCode) : entry.reason);
  const refresh = useRefresh();
  const { nameOf } = useRegionNames();
  const [changing, setChanging] = useState(false);
  const formatNumber = useFormatNumber();
  const signed = (value: number) => (value ? formatNumber(value, { signDisplay: 'exceptZero' }) : '');
  const { data: quota } = useGetOne<QuotaView>('quotas', { id: Number(id) });
  const { canAccess: canChange } = useCanAccess({
    resource: 'quotas',
    action: 'edit',
    record: quota ? { regionId: quota.regionId } : undefined,
  });
  const ledger = useGetList(`quotas/${id}/ledger`, {
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'id', order: 'ASC' },
  });
  const listContext = useList({ data: ledger.data ?? [], isPending: ledger.isPending, perPage: 500 });
  if (!quota) return <Loading />;
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('app.quotas.ledger_title', { region: nameOf(quota.regionId), year: quota.year })} />
      <CardContent>
        <Stack spacing={2}>
          <Stack direction="row" spacing={4} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography variant="h6">
              {nameOf(quota.regionId)} · {quota.year} · {translate(`app.quotas.categories.${quota.category}`)}
            </Typography>
            {(['capacity', 'reserved', 'settled', 'balance'] as const).map((figure) => (
              <Box key={figure} data-field={figure}>
                <Typography variant="caption" color="text.secondary">
                  {translate(`resources.quotas.fields.${figure}`)}
                </Typography>
                <Typography variant="h6">{formatNumber(quota[figure])}</Typography>
              </Box>
            ))}
            {canChange && (
              <Button variant="outlined" onClick={() => setChanging(true)}>
                {translate('app.quotas.change_capacity')}
              </Button>
            )}
          </Stack>
          <QuotaBar capacity={quota.capacity} reserved={quota.reserved} settled={quota.settled} />
          <Typography variant="body2" color="text.secondary">
            {translate('resources.quotas.fields.legalAct')}: {quota.legalAct}
          </Typography>
          <Typography variant="subtitle1">{translate('app.quotas.ledger')}</Typography>
          <ListContextProvider value={listContext}>
            <ResponsiveList
              compact={
                <SimpleList<LedgerEntryView>
                  resource="quota-ledger"
                  rowClick={false}
                  primaryText={(entry) => translate(`app.quotas.ledger_kinds.${entry.kind}`)}
                  secondaryText={(entry) => (
                    <CompactLine>
                      <CalendarDateField source="entryDate" />
                      {DELTAS.filter((delta) => entry[delta]).map(
                        (delta) => `${translate(`resources.quota-ledger.fields.${delta}`)}: ${signed(entry[delta])}`,
                      )}
                      {entry.legalAct}
                      {reasonOf(entry)}
                    </CompactLine>
                  )}
                />
              }
            >
              <DataTable resource="quota-ledger" bulkActionButtons={false} rowClick={false}>
                <DataTable.Col source="entryDate">
                  <CalendarDateField source="entryDate" />
                </DataTable.Col>
                <DataTable.Col source="kind">
                  <FunctionField render={(entry) => translate(`app.quotas.ledger_kinds.${entry.kind}`)} />
                </DataTable.Col>
                <DataTable.Col source="capacityDelta">
                  <FunctionField render={(entry) => signed(entry.capacityDelta)} />
                </DataTable.Col>
                <DataTable.Col source="reservedDelta">
                  <FunctionField render={(entry) => signed(entry.reservedDelta)} />
                </DataTable.Col>
                <DataTable.Col source="settledDelta">
                  <FunctionField render={(entry) => signed(entry.settledDelta)} />
                </DataTable.Col>
                <DataTable.Col source="legalAct">
                  <RaTextField source="legalAct" emptyText="—" />
                </DataTable.Col>
                <DataTable.Col source="reason">
                  <FunctionField<LedgerEntryView> render={(entry) => reasonOf(entry) || '—'} />
                </DataTable.Col>
                <DataTable.Col source="reservationId">
                  <RaTextField source="reservationId" emptyText="—" />
                </DataTable.Col>
              </DataTable>
            </ResponsiveList>
          </ListContextProvider>
        </Stack>
      </CardContent>
      {changing && (
        <CapacityChangeDialog
          quota={quota}
          onClose={() => setChanging(false)}
          onChanged={() => {
            setChanging(false);
            refresh();
          }}
        />
      )}
    </Card>
  );
};

export default QuotaShow;
