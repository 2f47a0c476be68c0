import { useState } from 'react';
import { Autocomplete, Box, Button, Stack, TextField, Typography } from '@mui/material';
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import { useGetList, useTranslate } from 'react-admin';
import { useFormatCalendarDate } from '../common/CalendarDate';
import { useDebouncedValue } from '../common/useDebouncedValue';
import { personFullName, type Person } from '../providers/personTypes';
import { EthnicityMark } from './EthnicityMark';
import { NewPersonDialog } from './NewPersonDialog';

const MIN_QUERY = 2;

/**
 * Chooses a person: search the register by name in any script, IIN, document or
 * case number — or register a new one inline (with the duplicate check).
 */
export const PersonPicker = ({
  value,
  onChange,
  exclude = [],
  label,
}: {
  value: Person | null;
  onChange: (person: Person | null) => void;
  exclude?: number[];
  label?: string;
}) => {
  const translate = useTranslate();
  const formatDate = useFormatCalendarDate();
  const [input, setInput] = useState('');
  const [registering, setRegistering] = useState(false);
  const q = useDebouncedValue(input.trim());
  const searching = q.length >= MIN_QUERY;
  const { data = [], isFetching } = useGetList<Person>(
    'persons',
    { filter: { q, merged: false }, pagination: { page: 1, perPage: 10 }, sort: { field: 'id', order: 'DESC' } },
    { enabled: searching },
  );
  const options = searching ? data.filter((person) => !exclude.includes(person.id)) : [];
  const describe = (person: Person) =>
    [formatDate(person.birthDate), person.iin ? `${translate('resources.persons.fields.iin')} ${person.iin}` : null]
      .filter(Boolean)
      .join(' · ');

  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'flex-start' } }}>
      <Autocomplete
        sx={{ flex: 1, minWidth: 280 }}
        value={value}
        options={options}
        filterOptions={(all) => all}
        getOptionLabel={(person) => `${personFullName(person)} (${formatDate(person.birthDate)})`}
        isOptionEqualToValue={(a, b) => a.id === b.id}
        onInputChange={(_, text, reason) => {
          if (reason === 'input' || reason === 'clear') setInput(text);
        }}
        onChange={(_, person) => onChange(person)}
        loading={isFetching}
        noOptionsText={translate(searching ? 'app.person_picker.no_match' : 'app.person_picker.search_hint')}
        renderOption={({ key, ...props }, person) => (
          <Box component="li" key={key} {...props} data-testid="person-option">
            <Box>
              <Typography variant="body2" component="div">
                {personFullName(person)} <EthnicityMark ethnicity={person.ethnicity} />
              </Typography>
              <Typography variant="caption" color="text.secondary">
                {describe(person)}
              </Typography>
            </Box>
          </Box>
        )}
        renderInput={(params) => (
          <TextField
            {...params}
            name="personSearch"
            label={label ?? translate('app.person_picker.search')}
            helperText={value ? describe(value) : ' '}
          />
        )}
      />
      <Button
        variant="outlined"
        startIcon={<PersonAddIcon />}
        onClick={() => setRegistering(true)}
        sx={{ mt: { sm: 1 }, whiteSpace: 'nowrap' }}
        data-testid="register-new-person"
      >
        {translate('app.person_picker.register_new')}
      </Button>
      {registering && (
        <NewPersonDialog
          onClose={() => setRegistering(false)}
          onPicked={(person) => {
            setRegistering(false);
            onChange(person);
          }}
        />
      )}
    </Stack>
  );
};
