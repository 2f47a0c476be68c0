import { DataTable, List, NumberField, SearchInput, SelectField, SelectInput, SimpleList } from 'react-admin';
import { ValidityColumns } from '../common/ValidityColumns';
import { CompactLine, ValidityPeriod } from '../common/CompactLine';
import { ListActions } from '../common/ListActions';
import { ResponsiveList } from '../common/ResponsiveList';
import { LocalizedNameField, useNameSource } from '../common/localizedName';
import { useEditRowClick } from '../common/useEditRowClick';
import { RETENTION_RECORD_KIND_CHOICES } from './recordKinds';

const retentionRuleFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="recordKind" source="recordKind" choices={RETENTION_RECORD_KIND_CHOICES} alwaysOn />,
];

/** Retention rules, newest first: the retention run applies the one valid today. */
export const RetentionRuleList = () => {
  const nameSource = useNameSource();
  const rowClick = useEditRowClick();
  return (
    <List filters={retentionRuleFilters} actions={<ListActions />} sort={{ field: 'validFrom', order: 'DESC' }}>
      <ResponsiveList
        compact={
          <SimpleList
            primaryText={<LocalizedNameField source={nameSource} />}
            secondaryText={
              <CompactLine>
                <NumberField source="keepYears" />
                <ValidityPeriod />
              </CompactLine>
            }
          />
        }
      >
        <DataTable bulkActionButtons={false} rowClick={rowClick}>
          <DataTable.Col source="recordKind">
            <SelectField source="recordKind" choices={RETENTION_RECORD_KIND_CHOICES} />
          </DataTable.Col>
          <DataTable.Col source={nameSource} label="resources.retention-rules.fields.name" field={LocalizedNameField} />
          <DataTable.Col source="keepYears" align="right" />
          <ValidityColumns />
        </DataTable>
      </ResponsiveList>
    </List>
  );
};

export default RetentionRuleList;
