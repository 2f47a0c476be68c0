import { Typography } from '@mui/material';
import { useGetManyAggregate, useTranslate } from 'react-admin';
import type { ApplicationRow } from '../providers/caseTypes';

/**
 * The case a row points to by id (an inclusion request, a settlement, a proposal),
 * as its number and applicant: the ids of a whole page go to the API in one request.
 * A case outside the reader's scope stays "Case #12".
 */
export const CaseReference = ({ applicationId }: { applicationId: number }) => {
  const translate = useTranslate();
  const { data } = useGetManyAggregate<ApplicationRow>('applications', { ids: [applicationId] });
  const application = data?.[0];
  const caseName = translate('resources.applications.name', { smart_count: 1 });
  if (!application) return <span>{`${caseName} #${applicationId}`}</span>;
  return (
    <span>
      <Typography component="span" variant="inherit" sx={{ fontFamily: 'monospace' }}>
        {application.number ?? `${caseName} #${application.id}`}
      </Typography>
      {application.applicantName && ` · ${application.applicantName}`}
    </span>
  );
};
