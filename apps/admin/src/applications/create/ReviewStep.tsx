import type { ReactNode } from 'react';
import { Alert, Box, Stack, Typography } from '@mui/material';
import { useGetManyAggregate, useGetOne, useTranslate } from 'react-admin';
import { type AssigneeView } from '@qonys/domain';
import { useLocalizedName } from '../../common/localizedName';
import type { LocalizedNames } from '../../providers/dataProvider';
import type { Person } from '../../providers/personTypes';
import { ASSIGNEES } from '../AssigneeInput';
import type { CaseDetails, DraftMember } from './familyDraft';
import { FamilyTable } from './FamilyTable';

const Fact = ({ label, children }: { label: string; children: ReactNode }) => (
  <Box sx={{ minWidth: 200 }}>
    <Typography variant="caption" color="text.secondary" component="div">
      {label}
    </Typography>
    <Typography variant="body2" component="div">
      {children}
    </Typography>
  </Box>
);

const RegionName = ({ id }: { id: number }) => {
  const name = useLocalizedName();
  const { data } = useGetOne<LocalizedNames & { id: number }>('regions', { id });
  return <>{data ? name(data) : '…'}</>;
};

const AssigneeName = ({ id }: { id: number }) => {
  const { data } = useGetManyAggregate<AssigneeView>(ASSIGNEES, { ids: [id] });
  return <>{data?.[0]?.fullName ?? `#${id}`}</>;
};

/** Step 4: the family and details once more, and what the server said if it refused. */
export const ReviewStep = ({
  applicant,
  members,
  details,
  assignedToId,
  nationwide,
  errors,
}: {
  applicant: Person;
  members: DraftMember[];
  details: CaseDetails;
  assignedToId: number | null;
  nationwide: boolean;
  errors: string[];
}) => {
  const translate = useTranslate();
  const field = (key: string) => translate(`resources.applications.fields.${key}`);
  return (
    <Stack spacing={2}>
      <Typography variant="body2" color="text.secondary">
        {translate('app.create_case.review_help')}
      </Typography>
      <FamilyTable applicant={applicant} members={members} />
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 3 }}>
        <Fact label={field('channel')}>{details.channel ? translate(`app.channels.${details.channel}`) : '—'}</Fact>
        {nationwide && details.regionId !== null && (
          <Fact label={field('regionId')}>
            <RegionName id={details.regionId} />
          </Fact>
        )}
        <Fact label={field('assignedToId')}>
          {assignedToId === null ? translate('app.bulk_assign.nobody') : <AssigneeName id={assignedToId} />}
        </Fact>
      </Box>
      {errors.length > 0 && (
        <Alert severity="error" role="alert" data-testid="create-case-errors">
          {errors.map((message) => (
            <div key={message}>{message}</div>
          ))}
        </Alert>
      )}
    </Stack>
  );
};
