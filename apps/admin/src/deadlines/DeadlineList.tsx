import { Typography } from '@mui/material';
import { DataTable, List, SearchInput, SimpleList, useRecordContext, useTranslate } from 'react-admin';
import { ValidityColumns } from '../common/ValidityColumns';
import { CompactLine, ValidityPeriod } from '../common/CompactLine';
import { CodeField } from '../common/CodeField';
import { ListActions } from '../common/ListActions';
import { ResponsiveList } from '../common/ResponsiveList';
import { LocalizedNameField, useNameSource } from '../common/localizedName';
import { useEditRowClick } from '../common/useEditRowClick';

/** "15 working days", the unit agreeing with the number in each language. */
const DurationField = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const amount = Number(record.amount);
  return (
    <Typography component="span" variant="body2">
      {amount} {translate(`app.deadline_units.${record.unit}`, { smart_count: amount })}
    </Typography>
  );
};

const deadlineFilters = [<SearchInput key="q" source="q" alwaysOn />];

export const DeadlineList = () => {
  const nameSource = useNameSource();
  const rowClick = useEditRowClick();
  return (
    <List filters={deadlineFilters} actions={<ListActions />} sort={{ field: 'key', order: 'ASC' }}>
      <ResponsiveList
        compact={
          <SimpleList
            primaryText={<LocalizedNameField source={nameSource} />}
            secondaryText={
              <CompactLine>
                <DurationField />
                <ValidityPeriod />
              </CompactLine>
            }
          />
        }
      >
        <DataTable bulkActionButtons={false} rowClick={rowClick}>
          <DataTable.Col source="key">
            <CodeField source="key" />
          </DataTable.Col>
          <DataTable.Col
            source={nameSource}
            label="resources.deadlines.fields.name"
            field={LocalizedNameField}
            disableSort
          />
          <DataTable.Col source="amount" field={DurationField} disableSort />
          <ValidityColumns sortableFrom />
        </DataTable>
      </ResponsiveList>
    </List>
  );
};

export default DeadlineList;
