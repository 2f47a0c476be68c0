import { type QuotaCategory } from '@qonys/domain';
import { MenuItem, Stack, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { categoryChoices, quotaYears } from './quotaChoices';

/** The year and category a board or a batch is about. */
export const YearCategoryPicker = ({
  year,
  category,
  onChange,
  disabled,
}: {
  year: number;
  category: QuotaCategory;
  onChange: (year: number, category: QuotaCategory) => void;
  disabled?: boolean;
}) => {
  const translate = useTranslate();
  const years = quotaYears();
  if (!years.includes(year)) years.push(year);
  return (
    <Stack direction="row" spacing={2} sx={{ alignSelf: 'flex-start' }}>
      <TextField
        select
        size="small"
        name="year"
        label={translate('resources.quotas.fields.year')}
        value={year}
        disabled={disabled}
        onChange={(event) => onChange(Number(event.target.value), category)}
        sx={{ minWidth: 120 }}
      >
        {years.map((y) => (
          <MenuItem key={y} value={y}>
            {y}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        size="small"
        name="category"
        label={translate('resources.quotas.fields.category')}
        value={category}
        disabled={disabled}
        onChange={(event) => onChange(year, event.target.value as QuotaCategory)}
        sx={{ minWidth: 200 }}
      >
        {categoryChoices.map((choice) => (
          <MenuItem key={choice.id} value={choice.id}>
            {translate(choice.name)}
          </MenuItem>
        ))}
      </TextField>
    </Stack>
  );
};
