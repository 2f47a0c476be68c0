import { AutocompleteInput, ReferenceInput } from 'react-admin';
import { type AssigneeView } from '@qonys/domain';

/** The caseworkers a case may be assigned to (GET /api/applications/assignees), optionally of one region. */
export const ASSIGNEES = 'applications/assignees';

const assigneeText = (assignee: AssigneeView) => `${assignee.fullName} (${assignee.username})`;

export const AssigneeInput = ({
  source = 'assignedToId',
  regionId,
  alwaysOn,
  label,
  emptyText,
}: {
  source?: string;
  regionId?: number | null;
  alwaysOn?: boolean;
  label?: string;
  emptyText?: string;
}) => (
  <ReferenceInput
    source={source}
    reference={ASSIGNEES}
    sort={{ field: 'fullName', order: 'ASC' }}
    perPage={100}
    filter={regionId ? { regionId } : {}}
    alwaysOn={alwaysOn}
  >
    <AutocompleteInput
      optionText={assigneeText}
      filterToQuery={(q: string) => (q ? { q } : {})}
      label={label}
      emptyText={emptyText}
      parse={(value: unknown) => (value === '' || value === undefined ? null : value)}
    />
  </ReferenceInput>
);
