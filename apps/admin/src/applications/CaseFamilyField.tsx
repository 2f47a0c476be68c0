import { Box, Typography } from '@mui/material';
import { useRecordContext, type FieldProps } from 'react-admin';
import type { CaseNames } from '@qonys/domain';

/** A case as people know it: its number (#id before it has one) over the family's (applicant's) name. */
export const CaseFamily = ({ names }: { names: CaseNames & { applicationId: number } }) => (
  <Box component="span" sx={{ display: 'inline-flex', flexDirection: 'column' }} data-testid="case-family">
    <Typography component="span" variant="body2" sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
      {names.applicationNumber ?? `#${names.applicationId}`}
    </Typography>
    {names.applicantName && (
      <Typography component="span" variant="caption" color="text.secondary">
        {names.applicantName}
      </Typography>
    )}
  </Box>
);

/** The record's case (inclusion request, settlement) as number and family. */
export const CaseFamilyField = (_props: FieldProps) => {
  const record = useRecordContext<CaseNames & { id: number; applicationId: number }>();
  return record ? <CaseFamily names={record} /> : null;
};
