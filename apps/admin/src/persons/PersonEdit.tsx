import { Edit, ShowButton, SimpleForm, TopToolbar } from 'react-admin';
import { RecordHistory } from '../common/RecordHistory';
import { PersonInputs } from './PersonInputs';
import { usePersonTransform } from './personTransform';
import { useDuplicateCheck } from './useDuplicateCheck';

const PersonEditActions = () => (
  <TopToolbar>
    <ShowButton />
  </TopToolbar>
);

/**
 * Pessimistic: server validation errors land under each input, a stale version (409) in a notification.
 * Changed names or documents may match someone else: the duplicate review follows when they do.
 */
export const PersonEdit = () => {
  const transform = usePersonTransform();
  const onSuccess = useDuplicateCheck('ra.notification.updated');
  return (
    <Edit
      mutationMode="pessimistic"
      transform={transform}
      mutationOptions={{ onSuccess }}
      actions={<PersonEditActions />}
    >
      <SimpleForm>
        <PersonInputs />
        <RecordHistory />
      </SimpleForm>
    </Edit>
  );
};

export default PersonEdit;
