import { DUE_SOON_WORKING_DAYS, type Queue } from '@qonys/domain';
import { useTranslate } from 'react-admin';
import { useRole } from '../common/useRole';

/** A queue's name: for nationwide roles "unassigned" covers every region, not "my region". */
export function useQueueLabel(): (queue: Queue) => string {
  const { nationwide } = useRole();
  const translate = useTranslate();
  return (queue) =>
    translate(nationwide && queue === 'unassigned' ? 'app.queues.unassigned_anywhere' : `app.queues.${queue}`, {
      days: DUE_SOON_WORKING_DAYS,
    });
}
