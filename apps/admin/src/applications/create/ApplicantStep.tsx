import { Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Person } from '../../providers/personTypes';
import { PersonPicker } from '../../persons/PersonPicker';
import { FamilyTable } from './FamilyTable';

/** Step 1: the applicant, found in the register or registered now. */
export const ApplicantStep = ({
  applicant,
  onChange,
}: {
  applicant: Person | null;
  onChange: (person: Person | null) => void;
}) => {
  const translate = useTranslate();
  return (
    <Stack spacing={2}>
      <Typography variant="body2" color="text.secondary">
        {translate('app.create_case.applicant_help')}
      </Typography>
      <PersonPicker
        value={applicant}
        onChange={onChange}
        label={translate('resources.applications.fields.applicantId')}
      />
      {applicant && <FamilyTable applicant={applicant} members={[]} />}
    </Stack>
  );
};
