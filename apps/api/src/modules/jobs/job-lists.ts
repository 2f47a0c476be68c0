import { JOB_RUN_STATES } from '@qonys/domain';
import { oneOf, textEquals } from '../../common/list/filters';
import type { ListSpec } from '../../common/list/list-query';
import type { JobRun } from './entities/job-run.entity';

export const JOB_RUN_LIST: ListSpec<JobRun> = {
  resource: 'jobs/runs',
  sortable: { id: 'r.id', queuedAt: 'r.queued_at', jobName: 'r.job_name', state: 'r.state' },
  defaultSort: ['queuedAt', 'DESC'],
  filters: {
    jobName: textEquals('r.job_name'),
    state: oneOf('r.state', JOB_RUN_STATES),
  },
};
