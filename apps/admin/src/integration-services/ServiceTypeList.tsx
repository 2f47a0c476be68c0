import { DataTable, List, SearchInput, SelectField, SelectInput, SimpleList } from 'react-admin';
import { CompactLine, ValidityPeriod } from '../common/CompactLine';
import { ListActions } from '../common/ListActions';
import { ResponsiveList } from '../common/ResponsiveList';
import { LocalizedNameField, useNameSource } from '../common/localizedName';
import { useEditRowClick } from '../common/useEditRowClick';
import { ValidityColumns } from '../common/ValidityColumns';
import { SERVICE_AUDIENCE_CHOICES, SERVICE_GROUP_CHOICES } from './serviceChoices';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="serviceGroup" source="serviceGroup" choices={SERVICE_GROUP_CHOICES} alwaysOn />,
];

/** Adaptation and integration services in the law's groups (docs/integration-services.md). */
export const ServiceTypeList = () => {
  const nameSource = useNameSource();
  const rowClick = useEditRowClick();
  return (
    <List filters={filters} actions={<ListActions />} sort={{ field: 'serviceGroup', order: 'ASC' }}>
      <ResponsiveList
        compact={
          <SimpleList
            primaryText={<LocalizedNameField source={nameSource} />}
            secondaryText={
              <CompactLine>
                <SelectField source="serviceGroup" choices={SERVICE_GROUP_CHOICES} />
                <SelectField source="audience" choices={SERVICE_AUDIENCE_CHOICES} />
                <ValidityPeriod />
              </CompactLine>
            }
          />
        }
      >
        <DataTable bulkActionButtons={false} rowClick={rowClick}>
          <DataTable.Col source="serviceGroup">
            <SelectField source="serviceGroup" choices={SERVICE_GROUP_CHOICES} />
          </DataTable.Col>
          <DataTable.Col source={nameSource} label="resources.service-types.fields.name" field={LocalizedNameField} />
          <DataTable.Col source="audience" disableSort>
            <SelectField source="audience" choices={SERVICE_AUDIENCE_CHOICES} />
          </DataTable.Col>
          <DataTable.NumberCol source="responseWorkingDays" disableSort />
          <ValidityColumns />
        </DataTable>
      </ResponsiveList>
    </List>
  );
};

export default ServiceTypeList;
