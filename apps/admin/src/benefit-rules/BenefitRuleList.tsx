import { BooleanInput, DataTable, List, SearchInput, SelectField, SelectInput, SimpleList } from 'react-admin';
import { ValidityColumns } from '../common/ValidityColumns';
import { CompactLine, ValidityPeriod } from '../common/CompactLine';
import { ListActions } from '../common/ListActions';
import { ResponsiveList } from '../common/ResponsiveList';
import { LocalizedNameField, useNameSource } from '../common/localizedName';
import { useEditRowClick } from '../common/useEditRowClick';
import { BENEFIT_KIND_CHOICES } from './benefitChoices';
import { BenefitTerms } from './BenefitTerms';

const benefitRuleFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={BENEFIT_KIND_CHOICES} alwaysOn />,
  <BooleanInput key="unconfirmed" source="unconfirmed" />,
];

/** State support rules, newest first: a calculation applies the one in force on the event date. */
export const BenefitRuleList = () => {
  const nameSource = useNameSource();
  const rowClick = useEditRowClick();
  return (
    <List filters={benefitRuleFilters} actions={<ListActions />} sort={{ field: 'validFrom', order: 'DESC' }}>
      <ResponsiveList
        compact={
          <SimpleList
            primaryText={<LocalizedNameField source={nameSource} />}
            secondaryText={
              <CompactLine>
                <BenefitTerms />
                <ValidityPeriod />
              </CompactLine>
            }
          />
        }
      >
        <DataTable bulkActionButtons={false} rowClick={rowClick}>
          <DataTable.Col source="kind">
            <SelectField source="kind" choices={BENEFIT_KIND_CHOICES} />
          </DataTable.Col>
          <DataTable.Col source={nameSource} label="resources.benefit-rules.fields.name" field={LocalizedNameField} />
          <DataTable.Col source="amount" label="resources.benefit-rules.fields.amount" disableSort>
            <BenefitTerms />
          </DataTable.Col>
          <ValidityColumns />
        </DataTable>
      </ResponsiveList>
    </List>
  );
};

export default BenefitRuleList;
