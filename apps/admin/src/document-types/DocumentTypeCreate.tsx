import { Create, SimpleForm } from 'react-admin';
import { DocumentTypeInputs } from './DocumentTypeInputs';

export const DocumentTypeCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={{ scope: 'application', condition: 'always', required: true, sortOrder: 100 }}>
      <DocumentTypeInputs />
    </SimpleForm>
  </Create>
);

export default DocumentTypeCreate;
