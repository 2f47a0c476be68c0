import {
  DateInput,
  Edit,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
  TopToolbar,
  maxLength,
} from 'react-admin';
import { ArrivalButton } from './ArrivalButton';
import { DepartureButton } from './DepartureButton';
import { MoveButton } from './MoveButton';
import { housingChoices } from './settlementChoices';

/** Where and how the family lives, and when it arrives. The region is not here: a move is a new reservation. */
export const SettlementEdit = () => (
  <Edit
    mutationMode="pessimistic"
    actions={
      <TopToolbar>
        <ArrivalButton />
        <DepartureButton />
        <MoveButton openMoved />
      </TopToolbar>
    }
  >
    <SimpleForm
      toolbar={
        <Toolbar>
          <SaveButton />
        </Toolbar>
      }
    >
      <TextInput source="district" validate={maxLength(200)} />
      <TextInput source="locality" validate={maxLength(200)} />
      <SelectInput source="housing" choices={housingChoices} emptyText="app.common.not_set" />
      <DateInput source="plannedArrival" />
    </SimpleForm>
  </Edit>
);

export default SettlementEdit;
