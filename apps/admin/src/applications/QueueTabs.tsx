import { QUEUES, type Queue } from '@qonys/domain';
import { Tab, Tabs } from '@mui/material';
import { useCanAccess, useListContext, useTranslate } from 'react-admin';
import { useQueueLabel } from './useQueueLabel';

const ALL = 'all';

/**
 * The caseworker queues as quick tabs over the list: "my cases", "unassigned in
 * my region", "due in 2 working days", "overdue". "My cases" only for roles that work cases.
 */
export const QueueTabs = () => {
  const translate = useTranslate();
  const queueLabel = useQueueLabel();
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const { canAccess: worksCases } = useCanAccess({ resource: 'applications', action: 'edit' });
  const queues = QUEUES.filter((queue) => queue !== 'mine' || worksCases);
  const current = (filterValues.queue as Queue | undefined) ?? ALL;

  const choose = (_: unknown, value: string) => {
    const { queue: _previous, ...rest } = filterValues;
    setFilters(value === ALL ? rest : { ...rest, queue: value }, displayedFilters);
  };

  return (
    <Tabs
      value={queues.includes(current as Queue) ? current : ALL}
      onChange={choose}
      variant="scrollable"
      scrollButtons="auto"
      aria-label={translate('resources.applications.fields.queue')}
      sx={{ px: 1, borderBottom: 1, borderColor: 'divider' }}
    >
      <Tab value={ALL} label={translate('app.queues.all')} data-testid="queue-all" />
      {queues.map((queue) => (
        <Tab key={queue} value={queue} label={queueLabel(queue)} data-testid={`queue-${queue}`} />
      ))}
    </Tabs>
  );
};
