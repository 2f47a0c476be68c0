import { Tab, Tabs } from '@mui/material';
import {
  DataTable,
  DateField,
  FunctionField,
  List,
  SelectInput,
  SimpleList,
  useListContext,
  useTranslate,
} from 'react-admin';
import type { TransferRequestRow } from '@qonys/domain';
import { CaseFamily, CaseFamilyField } from '../applications/CaseFamilyField';
import { CompactLine } from '../common/CompactLine';
import { ListActions } from '../common/ListActions';
import { ResponsiveList } from '../common/ResponsiveList';
import { useRole } from '../common/useRole';
import { useRegionNames } from '../quotas/useRegionNames';
import { TransferActions } from './TransferActions';
import { transferStateChoices } from './transferChoices';

/**
 * Transfer requests in the user's reach: a regional official's to and from their
 * region (two tabs), everyone else's all; open ones first by default.
 */
export const TransferRequestList = () => {
  const { nationwide, regionId } = useRole();
  const filters = [<SelectInput key="state" source="state" choices={transferStateChoices} alwaysOn />];
  return (
    <List
      filters={filters}
      filterDefaultValues={{ state: 'requested', ...(nationwide || regionId === null ? {} : { toRegionId: regionId }) }}
      actions={<ListActions create={false} />}
      perPage={25}
    >
      {!nationwide && regionId !== null && <DirectionTabs regionId={regionId} />}
      <TransferRows />
    </List>
  );
};

/** Incoming (to the official's region) or outgoing (from it): the list's filter. */
const DirectionTabs = ({ regionId }: { regionId: number }) => {
  const translate = useTranslate();
  const { filterValues, setFilters } = useListContext();
  const { toRegionId: _to, fromRegionId: _from, ...rest } = filterValues as Record<string, unknown>;
  const current = _from === regionId ? 'outgoing' : 'incoming';
  return (
    <Tabs
      value={current}
      onChange={(_, value: 'incoming' | 'outgoing') =>
        setFilters({ ...rest, ...(value === 'incoming' ? { toRegionId: regionId } : { fromRegionId: regionId }) })
      }
      variant="fullWidth"
    >
      <Tab value="incoming" label={translate('app.transfers.views.incoming')} />
      <Tab value="outgoing" label={translate('app.transfers.views.outgoing')} />
    </Tabs>
  );
};

/** The rows, as a table on a wide screen and compact lines on a phone; also on the case page. */
export const TransferRows = () => {
  const translate = useTranslate();
  const { nameOf } = useRegionNames();
  const route = (record: TransferRequestRow) =>
    translate('app.transfers.summary', { from: nameOf(record.fromRegionId), to: nameOf(record.toRegionId) });
  return (
    <ResponsiveList
      compact={
        <SimpleList<TransferRequestRow>
          primaryText={(record) => <CaseFamily names={record} />}
          secondaryText={(record) => (
            <CompactLine actions={<TransferActions />}>
              {route(record)}
              {translate(`app.transfers.reasons.${record.reasonCode}`)}
              {translate(`app.transfers.states.${record.state}`)}
            </CompactLine>
          )}
          rowClick={false}
        />
      }
    >
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="applicationId" field={CaseFamilyField} disableSort />
        <DataTable.Col source="fromRegionId">
          <FunctionField<TransferRequestRow> render={route} />
        </DataTable.Col>
        <DataTable.Col source="reasonCode" disableSort>
          <FunctionField<TransferRequestRow>
            render={(record) => `${translate(`app.transfers.reasons.${record.reasonCode}`)}: ${record.reason}`}
          />
        </DataTable.Col>
        <DataTable.Col source="consentDate" disableSort>
          <FunctionField<TransferRequestRow>
            render={(record) => (record.consentDate ? `${record.consentDate} · ${record.consentDocument}` : '—')}
          />
        </DataTable.Col>
        <DataTable.Col source="state">
          <FunctionField<TransferRequestRow>
            render={(record) =>
              [translate(`app.transfers.states.${record.state}`), record.declineReason].filter(Boolean).join(': ')
            }
          />
        </DataTable.Col>
        <DataTable.Col source="createdAt">
          <DateField source="createdAt" />
        </DataTable.Col>
        <DataTable.Col>
          <TransferActions />
        </DataTable.Col>
      </DataTable>
    </ResponsiveList>
  );
};

export default TransferRequestList;
