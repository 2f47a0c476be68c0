import { Edit, SimpleForm } from 'react-admin';
import { DocumentTypeInputs } from './DocumentTypeInputs';

export const DocumentTypeEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <SimpleForm>
      <DocumentTypeInputs />
    </SimpleForm>
  </Edit>
);

export default DocumentTypeEdit;
