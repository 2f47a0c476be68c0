import { useState } from 'react';
import {
  FormControl,
  FormHelperText,
  FormLabel,
  IconButton,
  List,
  ListItem,
  ListItemText,
  MenuItem,
  TextField,
} from '@mui/material';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteIcon from '@mui/icons-material/Delete';
import { InputHelperText, useInput, useTranslate, type Validator } from 'react-admin';
import { useSettlementRegions } from '../quotas/useSettlementRegions';
import { useRegionNames } from '../quotas/useRegionNames';

const atLeastOne: Validator = (value: unknown) =>
  Array.isArray(value) && value.length > 0 ? undefined : 'app.inclusion.preferred_required';

/**
 * The family's preferred settlement regions, most wanted first: picked one by one
 * from the regions open in `year` into a numbered list, reordered with up/down.
 */
export const RankedRegionsInput = ({ source, year }: { source: string; year: number | null }) => {
  const translate = useTranslate();
  const { regions, label } = useSettlementRegions(year);
  const { nameOf } = useRegionNames();
  const [pick, setPick] = useState('');
  const {
    field,
    fieldState: { error, invalid, isTouched },
    formState: { isSubmitted },
    isRequired,
  } = useInput({ source, validate: atLeastOne, defaultValue: [] });
  const ranked: number[] = Array.isArray(field.value) ? field.value : [];
  const open = new Set(regions.map((region) => region.id));
  const available = regions.filter((region) => !ranked.includes(region.id));

  const set = (next: number[]) => {
    field.onChange(next);
    field.onBlur();
  };
  const swap = (index: number, other: number) => {
    const next = [...ranked];
    [next[index], next[other]] = [next[other], next[index]];
    set(next);
  };
  const showError = invalid && (isSubmitted || isTouched);

  return (
    <FormControl fullWidth error={showError} required={isRequired} sx={{ mb: 2 }}>
      <FormLabel>{translate(`resources.inclusion-requests.fields.${source}`)}</FormLabel>
      <List dense aria-label={translate(`resources.inclusion-requests.fields.${source}`)} data-testid="ranked-regions">
        {ranked.map((id, index) => (
          <ListItem
            key={id}
            data-region-id={id}
            secondaryAction={
              <>
                <IconButton
                  size="small"
                  aria-label={translate('app.inclusion.move_up')}
                  disabled={index === 0}
                  onClick={() => swap(index, index - 1)}
                >
                  <ArrowUpwardIcon fontSize="small" />
                </IconButton>
                <IconButton
                  size="small"
                  aria-label={translate('app.inclusion.move_down')}
                  disabled={index === ranked.length - 1}
                  onClick={() => swap(index, index + 1)}
                >
                  <ArrowDownwardIcon fontSize="small" />
                </IconButton>
                <IconButton
                  size="small"
                  aria-label={translate('app.inclusion.remove_region')}
                  onClick={() => set(ranked.filter((other) => other !== id))}
                >
                  <DeleteIcon fontSize="small" />
                </IconButton>
              </>
            }
          >
            <ListItemText
              primary={`${index + 1}. ${nameOf(id)}`}
              secondary={open.has(id) ? undefined : translate('app.inclusion.region_closed', { year: year ?? '' })}
              slotProps={{ secondary: { color: 'error' } }}
            />
          </ListItem>
        ))}
      </List>
      <TextField
        select
        size="small"
        label={translate('app.inclusion.add_region')}
        value={pick}
        disabled={available.length === 0}
        onChange={(event) => {
          const id = Number(event.target.value);
          setPick('');
          if (id && !ranked.includes(id)) set([...ranked, id]);
        }}
        sx={{ maxWidth: 400 }}
      >
        {available.map((region) => (
          <MenuItem key={region.id} value={region.id}>
            {label(region)}
          </MenuItem>
        ))}
      </TextField>
      <FormHelperText>
        <InputHelperText
          error={showError ? error?.message : undefined}
          helperText={
            regions.length === 0
              ? translate('app.inclusion.no_regions_for_year', { year: year ?? '' })
              : 'app.inclusion.ranked_help'
          }
        />
      </FormHelperText>
    </FormControl>
  );
};
