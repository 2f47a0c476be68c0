import { ReferenceInput, SelectInput, type Validator } from 'react-admin';
import { useLocalizedName } from '../common/localizedName';

/** Select a region by its name in the UI language (all regions fit one page). */
export const RegionReferenceInput = ({
  source = 'regionId',
  validate,
  disabled,
  alwaysOn,
  label,
}: {
  source?: string;
  validate?: Validator | Validator[];
  disabled?: boolean;
  alwaysOn?: boolean;
  label?: string;
}) => {
  const name = useLocalizedName();
  return (
    <ReferenceInput
      source={source}
      reference="regions"
      perPage={100}
      sort={{ field: 'code', order: 'ASC' }}
      alwaysOn={alwaysOn}
    >
      <SelectInput
        optionText={(region) => `${region.code} · ${name(region)}`}
        validate={validate}
        disabled={disabled}
        label={label}
      />
    </ReferenceInput>
  );
};
