import { Edit, ShowButton, SimpleForm, TopToolbar } from 'react-admin';
import { FULL_RECORD } from '../common/fullRecord';
import { RecordHistory } from '../common/RecordHistory';
import { ApplicationInputs } from './ApplicationInputs';

const ApplicationEditActions = () => (
  <TopToolbar>
    <ShowButton />
  </TopToolbar>
);

/** Pessimistic: the version goes back with the change; a stale one (409) is reported, nothing is lost silently. */
export const ApplicationEdit = () => (
  <Edit
    mutationMode="pessimistic"
    redirect="show"
    actions={<ApplicationEditActions />}
    queryOptions={FULL_RECORD}
    mutationOptions={FULL_RECORD}
  >
    <SimpleForm>
      <ApplicationInputs />
      <RecordHistory />
    </SimpleForm>
  </Edit>
);

export default ApplicationEdit;
