import { Edit, SimpleForm } from 'react-admin';
import { holidayTransform } from './holidayKinds';
import { HolidayInputs } from './HolidayInputs';

export const HolidayEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={holidayTransform}>
    <SimpleForm>
      <HolidayInputs />
    </SimpleForm>
  </Edit>
);

export default HolidayEdit;
