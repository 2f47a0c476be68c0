import { DataTable, List, SearchInput, SelectField, SelectInput, SimpleList } from 'react-admin';
import { ValidityColumns } from '../common/ValidityColumns';
import { CompactLine, ValidityPeriod } from '../common/CompactLine';
import { CodeField } from '../common/CodeField';
import { ListActions } from '../common/ListActions';
import { ResponsiveList } from '../common/ResponsiveList';
import { LocalizedNameField, LocalizedTextField, useNameSource } from '../common/localizedName';
import { LEGAL_GROUND_KIND_CHOICES } from './legalGroundKinds';
import { useEditRowClick } from '../common/useEditRowClick';

const legalGroundFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={LEGAL_GROUND_KIND_CHOICES} alwaysOn />,
];

/** Legal grounds by kind: the transitions that need one offer only those of their kind valid today. */
export const LegalGroundList = () => {
  const nameSource = useNameSource();
  const rowClick = useEditRowClick();
  return (
    <List filters={legalGroundFilters} actions={<ListActions />} sort={{ field: 'kind', order: 'ASC' }}>
      <ResponsiveList
        compact={
          <SimpleList
            primaryText={<LocalizedNameField source={nameSource} />}
            secondaryText={
              <CompactLine>
                <SelectField source="kind" choices={LEGAL_GROUND_KIND_CHOICES} />
                <CodeField source="code" />
                <ValidityPeriod />
              </CompactLine>
            }
          />
        }
      >
        <DataTable bulkActionButtons={false} rowClick={rowClick}>
          <DataTable.Col source="kind">
            <SelectField source="kind" choices={LEGAL_GROUND_KIND_CHOICES} />
          </DataTable.Col>
          <DataTable.Col source="code">
            <CodeField source="code" />
          </DataTable.Col>
          <DataTable.Col source={nameSource} label="resources.legal-grounds.fields.name" field={LocalizedNameField} />
          <DataTable.Col source="legalBasis" disableSort>
            <LocalizedTextField base="source" />
          </DataTable.Col>
          <ValidityColumns />
        </DataTable>
      </ResponsiveList>
    </List>
  );
};

export default LegalGroundList;
