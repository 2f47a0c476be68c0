import {
  DataTable,
  EditButton,
  FunctionField,
  List,
  NumberInput,
  SelectInput,
  SimpleList,
  useTranslate,
} from 'react-admin';
import { type SettlementRow } from '@qonys/domain';
import { CaseFamily, CaseFamilyField } from '../applications/CaseFamilyField';
import { CompactLine } from '../common/CompactLine';
import { useFormatCalendarDate } from '../common/CalendarDate';
import { CalendarDateField } from '../common/DateTimeField';
import { ListActions } from '../common/ListActions';
import { ResponsiveList } from '../common/ResponsiveList';
import { useFormatPersons } from '../common/useFormatNumber';
import { useRole } from '../common/useRole';
import { useRegionNames } from '../quotas/useRegionNames';
import { RegionReferenceInput } from '../users/RegionReferenceInput';
import { ArrivalButton } from './ArrivalButton';
import { MoveButton } from './MoveButton';
import { settlementStatusChoices } from './settlementChoices';

/** Settled and planned families, in the user's scope, with arrival confirmation. */
export const SettlementList = () => {
  const translate = useTranslate();
  const { nationwide } = useRole();
  const { nameOf } = useRegionNames();
  const formatPersons = useFormatPersons();
  const formatDate = useFormatCalendarDate();
  // Region, district and locality in one column keeps the table within a wide screen.
  const placeOf = (record: SettlementRow) =>
    [nameOf(record.regionId), record.district, record.locality].filter(Boolean).join(', ');
  const filters = [
    <SelectInput key="status" source="status" choices={settlementStatusChoices} alwaysOn />,
    <NumberInput key="year" source="year" min={1990} max={2200} />,
    ...(nationwide ? [<RegionReferenceInput key="regionId" alwaysOn />] : []),
  ];
  return (
    <List filters={filters} actions={<ListActions create={false} />} perPage={25}>
      <ResponsiveList
        compact={
          <SimpleList<SettlementRow>
            primaryText={(record) => <CaseFamily names={record} />}
            secondaryText={(record) => (
              <CompactLine
                actions={
                  record.status === 'planned' && (
                    <>
                      <EditButton />
                      <ArrivalButton />
                      <MoveButton />
                    </>
                  )
                }
              >
                {translate(`app.settlements.statuses.${record.status}`)}
                {placeOf(record)}
                {record.actualArrival
                  ? `${translate('resources.settlements.fields.actualArrival')}: ${formatDate(record.actualArrival)}`
                  : record.plannedArrival &&
                    `${translate('resources.settlements.fields.plannedArrival')}: ${formatDate(record.plannedArrival)}`}
              </CompactLine>
            )}
            tertiaryText={(record) => formatPersons(record.persons)}
            rowClick={false}
          />
        }
      >
        <DataTable bulkActionButtons={false} rowClick={false}>
          <DataTable.Col source="applicationId" field={CaseFamilyField} disableSort />
          <DataTable.Col source="regionId">
            <FunctionField<SettlementRow> render={placeOf} />
          </DataTable.Col>
          <DataTable.Col source="year" disableSort />
          <DataTable.Col source="persons" disableSort />
          <DataTable.Col source="housing" disableSort>
            <FunctionField<SettlementRow>
              render={(record) => (record.housing ? translate(`app.settlements.housing.${record.housing}`) : '—')}
            />
          </DataTable.Col>
          <DataTable.Col source="plannedArrival">
            <CalendarDateField source="plannedArrival" />
          </DataTable.Col>
          <DataTable.Col source="actualArrival">
            <CalendarDateField source="actualArrival" />
          </DataTable.Col>
          <DataTable.Col source="status">
            <FunctionField<SettlementRow> render={(record) => translate(`app.settlements.statuses.${record.status}`)} />
          </DataTable.Col>
          <DataTable.Col>
            <FunctionField<SettlementRow> render={(record) => (record.status === 'planned' ? <EditButton /> : null)} />
          </DataTable.Col>
          <DataTable.Col>
            <ArrivalButton />
            <MoveButton />
          </DataTable.Col>
        </DataTable>
      </ResponsiveList>
    </List>
  );
};

export default SettlementList;
