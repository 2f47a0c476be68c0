import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';

/** Family members of another ethnicity are allowed and marked. */
export const EthnicityMark = ({ ethnicity }: { ethnicity: string | null | undefined }) => {
  const translate = useTranslate();
  if (!ethnicity || ethnicity === 'kazakh') return null;
  const name = translate(`app.ethnicities.${ethnicity}`, { _: ethnicity });
  return (
    <Chip
      size="small"
      variant="outlined"
      color="warning"
      label={translate('app.family.other_ethnicity', { ethnicity: name })}
      data-testid="other-ethnicity"
    />
  );
};
