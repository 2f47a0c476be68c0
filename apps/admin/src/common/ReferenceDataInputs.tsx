import { DateInput, required, TextInput } from 'react-admin';
import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { notBeforeValidFrom } from './validators';

/** Source (the legal act) and validity period shared by every reference table. */
export const ReferenceDataInputs = () => {
  const translate = useTranslate();
  return (
    <>
      <Typography variant="subtitle2" sx={{ mt: 2 }}>
        {translate('app.common.reference_data')}
      </Typography>
      <TextInput source="source" validate={required()} fullWidth multiline />
      <DateInput source="validFrom" />
      <DateInput source="validTo" validate={notBeforeValidFrom} />
    </>
  );
};
