import { Create, SimpleForm } from 'react-admin';
import { holidayTransform } from './holidayKinds';
import { HolidayInputs } from './HolidayInputs';

export const HolidayCreate = () => (
  <Create redirect="list" transform={holidayTransform}>
    <SimpleForm defaultValues={{ kind: 'fixed', movesIfWeekend: true }}>
      <HolidayInputs />
    </SimpleForm>
  </Create>
);

export default HolidayCreate;
