import { Alert, Box, Button, Card, CardContent, Chip, Divider, Stack, Typography } from '@mui/material';
import type { JobRunState } from '@qonys/domain';
import { useEffect, useRef, useState } from 'react';
import { Title, useCanAccess, useDataProvider, useGetList, useNotify, useTranslate } from 'react-admin';
import { useFormatDateTime } from '../common/CalendarDate';
import { messageOf } from '../common/errors';
import type { QonysDataProvider } from '../providers/dataProvider';
import { isActive, type Job, type JobRun } from './jobTypes';
import { RunProgress } from './RunProgress';

/** How often the screen asks again while a run is queued or running. */
export const RUN_POLL_MS = 1000;

const STATE_COLOURS: Record<JobRunState, 'default' | 'info' | 'success' | 'error'> = {
  queued: 'default',
  running: 'info',
  completed: 'success',
  failed: 'error',
};

const StateChip = ({ state }: { state: JobRunState }) => {
  const translate = useTranslate();
  return <Chip size="small" color={STATE_COLOURS[state]} label={translate(`app.jobs.states.${state}`)} data-field="state" />;
};

const useJobName = () => {
  const translate = useTranslate();
  return (name: string) => translate(`app.jobs.names.${name}`, { _: name });
};

/**
 * The background jobs (docs/jobs.md): each job with its schedule and last run, "Run now"
 * for an administrator, and the recent runs with their progress, polled while one runs.
 */
export const JobsPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const formatTime = useFormatDateTime();
  const jobName = useJobName();
  const { canAccess: canRun } = useCanAccess({ resource: 'jobs', action: 'create' });
  const [starting, setStarting] = useState<string | null>(null);
  const runs = useGetList<JobRun>(
    'jobs/runs',
    { pagination: { page: 1, perPage: 20 }, sort: { field: 'queuedAt', order: 'DESC' } },
    { refetchInterval: (query) => (query.state.data?.data.some(isActive) ? RUN_POLL_MS : false) },
  );
  const anyActive = runs.data?.some(isActive) ?? false;
  const jobs = useGetList<Job>(
    'jobs',
    { pagination: { page: 1, perPage: 100 } },
    { refetchInterval: () => (anyActive ? RUN_POLL_MS : false) },
  );
  // The poll stops with the last run: ask once more, or "last run" would keep the state it had a second before.
  const wasActive = useRef(false);
  const refetchJobs = jobs.refetch;
  useEffect(() => {
    if (wasActive.current && !anyActive) void refetchJobs();
    wasActive.current = anyActive;
  }, [anyActive, refetchJobs]);

  const runNow = async (name: string) => {
    setStarting(name);
    try {
      await dataProvider.runJob(name);
      notify('app.jobs.queued_ok', { type: 'info' });
      await Promise.all([runs.refetch(), jobs.refetch()]);
    } catch (caught) {
      notify(messageOf(caught), { type: 'error' });
    } finally {
      setStarting(null);
    }
  };

  return (
    <Stack spacing={2} sx={{ mt: 1, mb: 2 }}>
      <Title title={translate('app.jobs.title')} />
      {(jobs.error || runs.error) && <Alert severity="error">{translate('app.jobs.load_error')}</Alert>}
      <Card>
        <CardContent>
          <Typography variant="h6" component="h2" gutterBottom>
            {translate('app.jobs.jobs_heading')}
          </Typography>
          <Stack divider={<Divider flexItem />} spacing={1.5}>
            {(jobs.data ?? []).map((job) => (
              <Stack
                key={job.id}
                data-job={job.name}
                direction={{ xs: 'column', sm: 'row' }}
                spacing={1}
                sx={{ alignItems: { sm: 'center' }, justifyContent: 'space-between' }}
              >
                <Box sx={{ minWidth: 0 }}>
                  <Typography variant="subtitle1">{jobName(job.name)}</Typography>
                  <Typography variant="body2" color="text.secondary">
                    {job.schedule === null ? translate('app.jobs.on_demand') : translate('app.jobs.schedule', { cron: job.schedule })}
                  </Typography>
                  <Typography variant="body2" color="text.secondary" data-field="lastRun">
                    {job.lastRun
                      ? translate('app.jobs.last_run', {
                          state: translate(`app.jobs.states.${job.lastRun.state}`),
                          time: formatTime(job.lastRun.queuedAt),
                        })
                      : translate('app.jobs.never_run')}
                  </Typography>
                </Box>
                {canRun && (
                  <Button
                    variant="contained"
                    size="small"
                    disabled={starting !== null}
                    onClick={() => void runNow(job.name)}
                    sx={{ alignSelf: { xs: 'flex-start', sm: 'center' }, flexShrink: 0 }}
                  >
                    {translate('app.jobs.run_now')}
                  </Button>
                )}
              </Stack>
            ))}
          </Stack>
        </CardContent>
      </Card>
      <Card>
        <CardContent>
          <Typography variant="h6" component="h2" gutterBottom>
            {translate('app.jobs.runs_heading')}
          </Typography>
          {runs.data?.length === 0 && <Typography variant="body2">{translate('app.jobs.no_runs')}</Typography>}
          <Stack divider={<Divider flexItem />} spacing={1.5}>
            {(runs.data ?? []).map((run) => (
              <Stack key={run.id} data-run={run.id} spacing={0.5}>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5 }}>
                  <Typography variant="subtitle2">{jobName(run.jobName)}</Typography>
                  <StateChip state={run.state} />
                </Stack>
                <Typography variant="body2" color="text.secondary">
                  {translate('app.jobs.queued_at', { time: formatTime(run.queuedAt) })}
                  {run.finishedAt ? ` · ${translate('app.jobs.finished_at', { time: formatTime(run.finishedAt) })}` : ''}
                </Typography>
                <RunProgress run={run} />
              </Stack>
            ))}
          </Stack>
        </CardContent>
      </Card>
    </Stack>
  );
};

export default JobsPage;
