import { type CodedMessage, englishMessage, isMessageCode, type JobRunState } from '@qonys/domain';
import type { JobRun } from './entities/job-run.entity';

/** A run as the API shows it: state, progress, result, and the error as a code (with its English text). */
export interface JobRunView {
  id: string;
  jobName: string;
  state: JobRunState;
  params: Record<string, unknown>;
  progress: { phase: string | null; total: number | null; processed: number; failed: number };
  result: Record<string, unknown> | null;
  error: (CodedMessage & { message: string }) | null;
  attempts: number;
  queuedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  heartbeatAt: Date | null;
  requestedBy: number | null;
}

export function jobRunView(run: JobRun): JobRunView {
  // Codes are only ever written from the catalogue; one dropped from it since reads as a plain failure.
  const code = run.errorCode === null ? null : isMessageCode(run.errorCode) ? run.errorCode : 'jobs.run_failed';
  const error = code === null ? null : { code, params: run.errorParams ?? {} };
  return {
    id: run.id,
    jobName: run.jobName,
    state: run.state,
    params: run.params,
    progress: { phase: run.phase, total: run.total, processed: run.processed, failed: run.failed },
    result: run.result,
    error: error && { ...error, message: englishMessage(error.code, error.params) },
    attempts: run.attempts,
    queuedAt: run.queuedAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    heartbeatAt: run.heartbeatAt,
    requestedBy: run.requestedBy,
  };
}
