import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PgBoss, type Db, type JobWithMetadata } from 'pg-boss';
import type { DataSource, EntityManager } from 'typeorm';
import { coded, DomainError } from '../../common/errors/domain-error';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { BatchedProgress } from './batched-progress';
import type { JobHandler } from './job-handler';
import { JobRunRepository } from './job-run.repository';

/** pg-boss keeps its tables in this schema, apart from ours. */
const QUEUE_SCHEMA = 'pgboss';
/** Connections of pg-boss's own pool; the embedded database counts them in its limit. */
export const QUEUE_POOL_SIZE = 3;
/** An unexpected failure is tried again twice, after about 10 s and 20 s. */
const RETRY = { retryLimit: 2, retryDelay: 10, retryBackoff: true } as const;
/** The longest a job may run before pg-boss takes it back; a dead worker is found far sooner by heartbeat. */
const EXPIRE_SECONDS = 6 * 3600;
/** How long a shutdown waits for running jobs to finish before it lets them go. */
const DRAIN_MS = 25_000;

interface RunMessage {
  /** Absent when pg-boss's cron queued the job: the worker then opens the run itself. */
  runId?: string;
}

/**
 * The thin provider over pg-boss (docs/jobs.md): one queue per job, the run table kept
 * in step with it, heartbeats, and lost runs failed so that they block nothing.
 */
@Injectable()
export class JobQueue {
  private readonly logger = new Logger('Jobs');
  private boss: PgBoss | null = null;
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runs: JobRunRepository,
  ) {}

  /** Creates or updates each job's queue and schedule, then starts working them. */
  async start(handlers: JobHandler[]): Promise<void> {
    const url = (this.dataSource.options as { url?: string }).url;
    const boss = new PgBoss({ connectionString: url, schema: QUEUE_SCHEMA, max: QUEUE_POOL_SIZE });
    boss.on('error', (error) => this.logger.error({ err: error }, 'job queue error'));
    await boss.start();
    this.boss = boss;
    const heartbeatSeconds = Math.max(10, this.config.jobHeartbeatTimeoutSeconds);
    for (const handler of handlers) {
      const options = { ...RETRY, expireInSeconds: EXPIRE_SECONDS, heartbeatSeconds };
      // pg-boss fixes a queue's policy at creation. A scheduled job runs once at a time and
      // queues at most one more, so a slow run does not pile up its ticks.
      const policy = handler.schedule === null ? 'standard' : 'stately';
      if (await boss.getQueue(handler.name)) await boss.updateQueue(handler.name, options);
      else await boss.createQueue(handler.name, { ...options, policy });
      if (handler.schedule === null) await boss.unschedule(handler.name);
      else await boss.schedule(handler.name, handler.schedule, {}, { tz: 'UTC' });
      await boss.work(
        handler.name,
        { includeMetadata: true, localConcurrency: 1, pollingIntervalSeconds: 1 },
        async (jobs: JobWithMetadata<RunMessage>[]) => {
          for (const job of jobs) await this.execute(handler, job);
        },
      );
    }
    const sweepMs = Math.max(1, Math.floor(this.config.jobHeartbeatTimeoutSeconds / 3)) * 1000;
    this.sweeper = setInterval(() => void this.failLostRuns().catch(() => undefined), sweepMs);
  }

  /** Lets running jobs finish (up to DRAIN_MS), then closes pg-boss's pool. */
  async stop(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    await this.boss?.stop({ graceful: true, timeout: DRAIN_MS });
    this.boss = null;
  }

  /** Queues the run's job in the caller's transaction, so the run, its audit entry and the job commit together. */
  async send(manager: EntityManager, name: string, runId: string): Promise<string | null> {
    if (!this.boss) throw new Error('The job queue is not started');
    return this.boss.send(name, { runId } satisfies RunMessage, { db: transactionDb(manager) });
  }

  async failLostRuns(): Promise<void> {
    await this.runs.failLost(this.config.jobHeartbeatTimeoutSeconds);
  }

  private async execute(handler: JobHandler, job: JobWithMetadata<RunMessage>): Promise<void> {
    const runId = job.data.runId ?? (await this.runs.insertScheduled(handler.name));
    const run = await this.runs.claim(runId);
    // Already given up as lost (its worker died) or finished: a retry of it must not run again.
    if (!run) return;
    const progress = new BatchedProgress(
      (figures) => this.runs.beat(runId, figures),
      this.config.jobHeartbeatTimeoutSeconds,
    );
    const beatMs = Math.max(1, Math.floor(this.config.jobHeartbeatTimeoutSeconds / 3)) * 1000;
    const heartbeat = setInterval(() => void progress.flush().catch(() => undefined), beatMs);
    try {
      const result = await handler.run(run.params, progress, runId);
      await this.runs.complete(runId, progress.snapshot(), result);
    } catch (error) {
      // A refusal (DomainError) says what is wrong and would say it again: it is not retried.
      const expected = error instanceof DomainError;
      const retry = !expected && job.retryCount < job.retryLimit;
      if (!expected) this.logger.error({ err: error, job: handler.name, runId }, 'job run failed');
      const reason = expected ? coded(error.code, error.params) : coded('jobs.run_failed');
      await this.runs.fail(runId, progress.snapshot(), retry ? 'queued' : 'failed', reason);
      if (retry) throw error;
    } finally {
      clearInterval(heartbeat);
    }
  }
}

/** pg-boss's database interface over a TypeORM transaction's connection. */
function transactionDb(manager: EntityManager): Db {
  return {
    async executeSql(text, values) {
      const result = await manager.queryRunner!.query(text, values, true);
      return { rows: result.records };
    },
  };
}
