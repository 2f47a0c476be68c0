import type { HolidayKind } from '@qonys/domain';
import { Typography } from '@mui/material';
import {
  BooleanField,
  DataTable,
  List,
  NumberInput,
  SearchInput,
  SelectField,
  SelectInput,
  SimpleList,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { CalendarDateField } from '../common/DateTimeField';
import { ValidityColumns } from '../common/ValidityColumns';
import { CompactLine, ValidityPeriod } from '../common/CompactLine';
import { ListActions } from '../common/ListActions';
import { ResponsiveList } from '../common/ResponsiveList';
import { LocalizedNameField, useNameSource } from '../common/localizedName';
import { HOLIDAY_KIND_CHOICES, usesMonthAndDay } from './holidayKinds';
import { useEditRowClick } from '../common/useEditRowClick';

const holidayFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={HOLIDAY_KIND_CHOICES} alwaysOn />,
  <NumberInput key="year" source="year" min={1991} max={2100} />,
];

/** "22 March" for a fixed holiday, the full date otherwise. */
const WhenField = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  if (usesMonthAndDay(record.kind as HolidayKind)) {
    return (
      <Typography component="span" variant="body2">
        {translate(`app.day_month.${record.month}`, { day: record.day })}
      </Typography>
    );
  }
  return <CalendarDateField source="date" />;
};

export const HolidayList = () => {
  const nameSource = useNameSource();
  const rowClick = useEditRowClick();
  return (
    <List filters={holidayFilters} actions={<ListActions />} sort={{ field: 'id', order: 'ASC' }}>
      <ResponsiveList
        compact={
          <SimpleList
            primaryText={<LocalizedNameField source={nameSource} />}
            secondaryText={
              <CompactLine>
                <WhenField />
                <SelectField source="kind" choices={HOLIDAY_KIND_CHOICES} />
                <ValidityPeriod />
              </CompactLine>
            }
          />
        }
      >
        <DataTable bulkActionButtons={false} rowClick={rowClick}>
          <DataTable.Col source="kind">
            <SelectField source="kind" choices={HOLIDAY_KIND_CHOICES} />
          </DataTable.Col>
          <DataTable.Col source="date" label="resources.holidays.fields.when">
            <WhenField />
          </DataTable.Col>
          <DataTable.Col
            source={nameSource}
            label="resources.holidays.fields.name"
            field={LocalizedNameField}
            disableSort
          />
          <DataTable.Col source="movesIfWeekend" field={BooleanField} disableSort />
          <ValidityColumns />
        </DataTable>
      </ResponsiveList>
    </List>
  );
};

export default HolidayList;
