import { required, SelectInput, TextInput, useRecordContext, useTranslate } from 'react-admin';
import { type ApplicationDetail } from '@qonys/domain';
import { CHANNEL_CHOICES, CORRESPONDENCE_LANGUAGE_CHOICES } from './applicationChoices';
import { AssigneeInput } from './AssigneeInput';

/** What an existing case lets you change: how it was filed and who works on it (of the case's region). */
export const ApplicationInputs = () => {
  const record = useRecordContext<ApplicationDetail>();
  const translate = useTranslate();
  return (
    <>
      <TextInput source="number" readOnly format={(value: string | null) => value ?? translate('app.statuses.draft')} />
      <SelectInput source="channel" choices={CHANNEL_CHOICES} validate={required()} />
      <SelectInput source="correspondenceLanguage" choices={CORRESPONDENCE_LANGUAGE_CHOICES} validate={required()} />
      <AssigneeInput regionId={record?.regionId} emptyText="app.bulk_assign.nobody" />
    </>
  );
};
