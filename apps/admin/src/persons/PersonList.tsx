import {
  DataTable,
  DateInput,
  List,
  ReferenceField,
  SearchInput,
  SelectField,
  SelectInput,
  SimpleList,
} from 'react-admin';
import { CompactLine } from '../common/CompactLine';
import { LocalePagination } from '../common/LocalePagination';
import { CalendarDateField, DateTimeField } from '../common/DateTimeField';
import { ListActions } from '../common/ListActions';
import { ResponsiveList } from '../common/ResponsiveList';
import { useRole } from '../common/useRole';
import { RegionReferenceInput } from '../users/RegionReferenceInput';
import type { Person } from '../providers/personTypes';
import { SEX_CHOICES } from './personChoices';
import { CountryField } from './personDisplay';
import { PersonNameField } from './PersonNameField';

const mergedChoices = [
  { id: 'false', name: 'app.common.no' },
  { id: 'true', name: 'app.common.yes' },
];

const usePersonFilters = () => {
  const { nationwide } = useRole();
  return [
    <SearchInput key="q" source="q" alwaysOn />,
    ...(nationwide ? [<RegionReferenceInput key="regionId" source="regionId" />] : []),
    <DateInput key="birthDate" source="birthDate" />,
    <SelectInput key="sex" source="sex" choices={SEX_CHOICES} />,
    <SelectInput
      key="merged"
      source="merged"
      choices={mergedChoices}
      parse={(value: string) => (value === '' || value == null ? null : value === 'true')}
      format={(value: boolean | null | undefined) => (value == null ? '' : String(value))}
    />,
  ];
};

/** Search by name in any script and spelling, IIN, document or case number; merged records are hidden by default. */
export const PersonList = () => {
  const filters = usePersonFilters();
  return (
    <List
      filters={filters}
      filterDefaultValues={{ merged: false }}
      actions={<ListActions />}
      sort={{ field: 'id', order: 'DESC' }}
      pagination={<LocalePagination />}
    >
      <ResponsiveList
        compact={
          <SimpleList<Person>
            primaryText={<PersonNameField source="surname" />}
            secondaryText={(record) => (
              <CompactLine>
                <CalendarDateField source="birthDate" />
                <SelectField source="sex" choices={SEX_CHOICES} />
                {record.iin && <span style={{ fontFamily: 'monospace' }}>{record.iin}</span>}
              </CompactLine>
            )}
            rowClick="show"
          />
        }
      >
        <DataTable bulkActionButtons={false} rowClick="show">
          <DataTable.Col source="surname" label="resources.persons.fields.fullName" field={PersonNameField} />
          <DataTable.Col source="birthDate">
            <CalendarDateField source="birthDate" />
          </DataTable.Col>
          <DataTable.Col source="sex" disableSort>
            <SelectField source="sex" choices={SEX_CHOICES} />
          </DataTable.Col>
          <DataTable.Col source="iin" disableSort sx={{ fontFamily: 'monospace' }} />
          <DataTable.Col source="idDocumentNumber" disableSort />
          <DataTable.Col source="countryOfOrigin" disableSort>
            <CountryField source="countryOfOrigin" />
          </DataTable.Col>
          <DataTable.Col source="regionId" disableSort>
            <ReferenceField source="regionId" reference="regions" link={false} />
          </DataTable.Col>
          <DataTable.Col source="createdAt">
            <DateTimeField source="createdAt" />
          </DataTable.Col>
        </DataTable>
      </ResponsiveList>
    </List>
  );
};

export default PersonList;
