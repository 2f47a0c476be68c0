import { type AssigneeView, type Channel } from '@qonys/domain';
import { MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';
import { useLocalizedName } from '../../common/localizedName';
import type { LocalizedNames } from '../../providers/dataProvider';
import { CHANNEL_CHOICES } from '../applicationChoices';
import { ASSIGNEES } from '../AssigneeInput';
import type { CaseDetails } from './familyDraft';

const NOBODY = 'nobody';
type Region = LocalizedNames & { id: number; code: string };

/**
 * Step 3: the channel, the caseworker (of the case's region), and — for nationwide
 * roles only — the region whose local executive body handles the case.
 */
export const CaseDetailsStep = ({
  details,
  assignedToId,
  nationwide,
  onChange,
}: {
  details: CaseDetails;
  /** The caseworker as it will be sent (a caseworker defaults to themselves). */
  assignedToId: number | null;
  nationwide: boolean;
  onChange: (details: CaseDetails) => void;
}) => {
  const translate = useTranslate();
  const name = useLocalizedName();
  const field = (key: string) => translate(`resources.applications.fields.${key}`);
  const { data: regions = [] } = useGetList<Region>(
    'regions',
    { pagination: { page: 1, perPage: 100 }, sort: { field: 'code', order: 'ASC' } },
    { enabled: nationwide },
  );
  const { data: assignees = [] } = useGetList<AssigneeView>(ASSIGNEES, {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'fullName', order: 'ASC' },
    filter: nationwide && details.regionId ? { regionId: details.regionId } : {},
  });

  return (
    <Stack spacing={2} sx={{ maxWidth: 480 }}>
      <Typography variant="body2" color="text.secondary">
        {translate('app.create_case.details_help')}
      </Typography>
      <TextField
        select
        required
        name="channel"
        label={field('channel')}
        value={details.channel}
        onChange={(event) => onChange({ ...details, channel: event.target.value as Channel })}
      >
        {CHANNEL_CHOICES.map((choice) => (
          <MenuItem key={choice.id} value={choice.id}>
            {translate(choice.name)}
          </MenuItem>
        ))}
      </TextField>
      {nationwide && (
        <TextField
          select
          required
          name="regionId"
          label={field('regionId')}
          value={details.regionId ?? ''}
          onChange={(event) => onChange({ ...details, regionId: Number(event.target.value), assignedToId: null })}
        >
          {regions.map((region) => (
            <MenuItem key={region.id} value={region.id}>
              {region.code} · {name(region)}
            </MenuItem>
          ))}
        </TextField>
      )}
      <TextField
        select
        name="assignedToId"
        label={field('assignedToId')}
        value={assignedToId === null ? NOBODY : String(assignedToId)}
        onChange={(event) =>
          onChange({ ...details, assignedToId: event.target.value === NOBODY ? null : Number(event.target.value) })
        }
      >
        <MenuItem value={NOBODY}>
          <em>{translate('app.bulk_assign.nobody')}</em>
        </MenuItem>
        {assignees.map((assignee) => (
          <MenuItem key={assignee.id} value={String(assignee.id)}>
            {assignee.fullName} ({assignee.username})
          </MenuItem>
        ))}
      </TextField>
    </Stack>
  );
};
