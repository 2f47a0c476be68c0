import { DateInput, SearchInput, SelectInput } from 'react-admin';
import { useRole } from '../common/useRole';
import { RegionReferenceInput } from '../users/RegionReferenceInput';
import { CHANNEL_CHOICES, QUEUE_CHOICES, STATUS_CHOICES } from './applicationChoices';
import { AssigneeInput } from './AssigneeInput';

/** The list's filters; the region filter only for nationwide roles (everyone else sees one region). */
export function useApplicationFilters() {
  const { nationwide } = useRole();
  return [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="status" source="status" choices={STATUS_CHOICES} alwaysOn />,
    ...(nationwide ? [<RegionReferenceInput key="regionId" source="regionId" alwaysOn />] : []),
    <AssigneeInput key="assignedToId" source="assignedToId" />,
    <SelectInput key="queue" source="queue" choices={QUEUE_CHOICES} />,
    <SelectInput key="channel" source="channel" choices={CHANNEL_CHOICES} />,
    <DateInput key="createdFrom" source="createdFrom" />,
    <DateInput key="createdTo" source="createdTo" />,
    <DateInput key="submittedFrom" source="submittedFrom" />,
    <DateInput key="submittedTo" source="submittedTo" />,
  ];
}
