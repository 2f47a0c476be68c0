import {
  BooleanField,
  DataTable,
  List,
  NullableBooleanInput,
  SearchInput,
  SelectField,
  SelectInput,
  SimpleList,
  useTranslate,
} from 'react-admin';
import { ValidityColumns } from '../common/ValidityColumns';
import { CompactLine, ValidityPeriod } from '../common/CompactLine';
import { CodeField } from '../common/CodeField';
import { ListActions } from '../common/ListActions';
import { ResponsiveList } from '../common/ResponsiveList';
import { LocalizedNameField, useNameSource } from '../common/localizedName';
import { CONDITION_CHOICES, SCOPE_CHOICES } from './documentTypeChoices';
import { useEditRowClick } from '../common/useEditRowClick';

const documentTypeFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="scope" source="scope" choices={SCOPE_CHOICES} />,
  <SelectInput key="condition" source="condition" choices={CONDITION_CHOICES} />,
  <NullableBooleanInput key="required" source="required" />,
];

/** The per-case document checklist, in the order caseworkers see it. */
export const DocumentTypeList = () => {
  const nameSource = useNameSource();
  const rowClick = useEditRowClick();
  const translate = useTranslate();
  return (
    <List filters={documentTypeFilters} actions={<ListActions />} sort={{ field: 'sortOrder', order: 'ASC' }}>
      <ResponsiveList
        compact={
          <SimpleList
            primaryText={<LocalizedNameField source={nameSource} />}
            secondaryText={
              <CompactLine>
                <SelectField source="scope" choices={SCOPE_CHOICES} />
                <SelectField source="condition" choices={CONDITION_CHOICES} />
                <ValidityPeriod />
              </CompactLine>
            }
            tertiaryText={(record) => translate(record.required ? 'app.documents.required' : 'app.documents.optional')}
          />
        }
      >
        <DataTable bulkActionButtons={false} rowClick={rowClick}>
          <DataTable.Col source="sortOrder" />
          <DataTable.Col source="key">
            <CodeField source="key" />
          </DataTable.Col>
          <DataTable.Col source={nameSource} label="resources.document-types.fields.name" field={LocalizedNameField} />
          <DataTable.Col source="scope" disableSort>
            <SelectField source="scope" choices={SCOPE_CHOICES} />
          </DataTable.Col>
          <DataTable.Col source="condition" disableSort>
            <SelectField source="condition" choices={CONDITION_CHOICES} />
          </DataTable.Col>
          <DataTable.Col source="required" field={BooleanField} disableSort />
          <ValidityColumns />
        </DataTable>
      </ResponsiveList>
    </List>
  );
};

export default DocumentTypeList;
