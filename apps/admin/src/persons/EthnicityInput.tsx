import { SelectInput, useRecordContext } from 'react-admin';
import { ETHNICITY_CHOICES } from './personChoices';

/** Ethnicity from the usual list; a key stored earlier that the list lacks stays choosable as it is. */
export const EthnicityInput = () => {
  const record = useRecordContext<{ ethnicity?: string }>();
  const stored = record?.ethnicity;
  const choices =
    stored && !ETHNICITY_CHOICES.some((choice) => choice.id === stored)
      ? [...ETHNICITY_CHOICES, { id: stored, name: stored }]
      : ETHNICITY_CHOICES;
  return <SelectInput source="ethnicity" choices={choices} translateChoice />;
};
