import {
  DataTable,
  EditButton,
  FunctionField,
  List,
  NumberInput,
  SelectInput,
  TextField,
  useTranslate,
} from 'react-admin';
import { CaseFamilyField } from '../applications/CaseFamilyField';
import { CalendarDateField } from '../common/DateTimeField';
import { ListActions } from '../common/ListActions';
import { useRole } from '../common/useRole';
import type { Settlement } from '../providers/placementTypes';
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
  const filters = [
    <SelectInput key="status" source="status" choices={settlementStatusChoices} alwaysOn />,
    <NumberInput key="year" source="year" min={1990} max={2200} />,
    ...(nationwide ? [<RegionReferenceInput key="regionId" alwaysOn />] : []),
  ];
  return (
    <List filters={filters} actions={<ListActions create={false} />} perPage={25}>
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="applicationId" field={CaseFamilyField} disableSort />
        <DataTable.Col source="regionId">
          <FunctionField<Settlement> render={(record) => nameOf(record.regionId)} />
        </DataTable.Col>
        <DataTable.Col source="year" disableSort />
        <DataTable.Col source="persons" disableSort />
        <DataTable.Col source="district" disableSort>
          <TextField source="district" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="locality" disableSort>
          <TextField source="locality" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="housing" disableSort>
          <FunctionField<Settlement>
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
          <FunctionField<Settlement> render={(record) => translate(`app.settlements.statuses.${record.status}`)} />
        </DataTable.Col>
        <DataTable.Col>
          <FunctionField<Settlement> render={(record) => (record.status === 'planned' ? <EditButton /> : null)} />
        </DataTable.Col>
        <DataTable.Col>
          <ArrivalButton />
          <MoveButton />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};

export default SettlementList;
