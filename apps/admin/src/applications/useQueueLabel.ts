import { useRole } from '../common/useRole';
import type { Queue } from '../providers/caseTypes';

/** The label of a queue: for nationwide roles "unassigned" covers every region, not "my region". */
export function useQueueLabel(): (queue: Queue) => string {
  const { nationwide } = useRole();
  return (queue) => (nationwide && queue === 'unassigned' ? 'app.queues.unassigned_anywhere' : `app.queues.${queue}`);
}
