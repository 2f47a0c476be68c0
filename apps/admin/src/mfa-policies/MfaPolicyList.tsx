import { BooleanField, DataTable, List, SelectInput, SimpleList } from 'react-admin';
import { CompactLine, ValidityPeriod } from '../common/CompactLine';
import { ListActions } from '../common/ListActions';
import { ResponsiveList } from '../common/ResponsiveList';
import { ROLE_CHOICES, RoleField } from '../common/roles';
import { ValidityColumns } from '../common/ValidityColumns';
import { useEditRowClick } from '../common/useEditRowClick';

const mfaPolicyFilters = [<SelectInput key="role" source="role" choices={ROLE_CHOICES} alwaysOn />];

export const MfaPolicyList = () => {
  const rowClick = useEditRowClick();
  return (
    <List filters={mfaPolicyFilters} actions={<ListActions />} sort={{ field: 'role', order: 'ASC' }}>
      <ResponsiveList
        compact={
          <SimpleList
            primaryText={<RoleField source="role" />}
            secondaryText={
              <CompactLine>
                <BooleanField source="mfaRequired" />
                <ValidityPeriod />
              </CompactLine>
            }
          />
        }
      >
        <DataTable bulkActionButtons={false} rowClick={rowClick}>
          <DataTable.Col source="role" field={RoleField} />
          <DataTable.Col source="mfaRequired" field={BooleanField} disableSort />
          <DataTable.Col source="source" disableSort />
          <ValidityColumns sortableFrom />
        </DataTable>
      </ResponsiveList>
    </List>
  );
};

export default MfaPolicyList;
