import { AutocompleteArrayInput } from 'react-admin';
import { useLanguageChoices, worldSearch } from './useWorldChoices';

/** A record's `languages` (ISO 639-1 codes), picked by name in the UI language, found by a name in any. */
export const LanguagesInput = () => (
  <AutocompleteArrayInput source="languages" choices={useLanguageChoices()} {...worldSearch} fullWidth />
);
