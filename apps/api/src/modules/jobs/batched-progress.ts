import { DomainError, ErrorKind } from '../../common/errors/domain-error';
import type { JobProgress } from './job-handler';
import type { RunProgress } from './job-run.repository';

/**
 * A run's progress kept in memory and written at most once per `intervalMs` (and on each
 * phase change), so a job counting thousands of items costs a handful of UPDATEs. Each
 * write is also the run's heartbeat. A phase's `total` counts that phase's items:
 * `processed` restarts at 0 with each phase, `failed` counts over the whole run.
 */
export class BatchedProgress implements JobProgress {
  private readonly current: RunProgress = { phase: 'jobs.phase_starting', total: null, processed: 0, failed: 0 };
  private lastWrite = 0;
  private lost = false;

  constructor(
    /** Writes the figures and the heartbeat; false when the run is no longer running. */
    private readonly write: (progress: RunProgress) => Promise<boolean>,
    private readonly heartbeatTimeoutSeconds: number,
    private readonly intervalMs = 1000,
  ) {}

  async phase(code: string, total?: number): Promise<void> {
    Object.assign(this.current, { phase: code, total: total ?? null, processed: 0 });
    await this.flush();
  }

  async advance(processed: number, failed = 0): Promise<void> {
    this.current.processed += processed;
    this.current.failed += failed;
    if (performance.now() - this.lastWrite >= this.intervalMs) await this.flush();
  }

  /** Writes now (the heartbeat timer calls it too); stops the job once its run was given up as lost. */
  async flush(): Promise<void> {
    if (!this.lost) {
      this.lastWrite = performance.now();
      this.lost = !(await this.write({ ...this.current }));
    }
    if (this.lost)
      throw new DomainError(ErrorKind.Conflict, 'jobs.worker_lost', { seconds: this.heartbeatTimeoutSeconds });
  }

  snapshot(): RunProgress {
    return { ...this.current };
  }
}
