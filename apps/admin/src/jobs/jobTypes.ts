import type { CodedMessage, JobRunState } from '@qonys/domain';

/** A job run as GET /api/jobs/runs/:id answers (docs/jobs.md). */
export interface JobRun {
  id: string;
  jobName: string;
  state: JobRunState;
  params: Record<string, unknown>;
  /** `phase` is a message code; `processed` counts the phase's items out of `total`. */
  progress: { phase: string | null; total: number | null; processed: number; failed: number };
  result: Record<string, unknown> | null;
  error: (CodedMessage & { message: string }) | null;
  queuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** A job as GET /api/jobs lists it. */
export interface Job {
  id: string;
  name: string;
  /** Cron (UTC), or null for on demand only. */
  schedule: string | null;
  lastRun: JobRun | null;
}

/** Whether a run may still change, so its screen keeps asking. */
export const isActive = (run: Pick<JobRun, 'state'>): boolean => run.state === 'queued' || run.state === 'running';
