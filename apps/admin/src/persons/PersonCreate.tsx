import { Create, SimpleForm } from 'react-admin';
import { PersonInputs } from './PersonInputs';
import { useDuplicateCheck } from './useDuplicateCheck';
import { usePersonTransform } from './personTransform';

/** Once saved, possible duplicates are shown at once (the review screen), else the person's page. */
export const PersonCreate = () => {
  const transform = usePersonTransform();
  const onSuccess = useDuplicateCheck('ra.notification.created');
  return (
    <Create transform={transform} mutationOptions={{ onSuccess }}>
      <SimpleForm defaultValues={{ ethnicity: 'kazakh', otherSpellings: [], languages: [] }}>
        <PersonInputs />
      </SimpleForm>
    </Create>
  );
};

export default PersonCreate;
