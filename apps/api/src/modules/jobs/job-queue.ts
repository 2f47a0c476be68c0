import { Inject, Injectable, Logger } from '@nestjs/common';
import { PgBoss, type Db, type JobWithMetadata } from 'pg-boss';
import type { EntityManager } from 'typeorm';
import { coded, DomainError } from '../../common/errors/domain-error';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { BatchedProgress } from './batched-progress';
import type { JobHandler } from './job-handler';
import { JobRunRepository } from './job-run.repository';

/** pg-boss keeps its tables in this schema, apart from ours. */
const QUEUE_SCHEMA = 'pgboss';
/** Connections of pg-boss's own pool. */
const QUEUE_POOL_SIZE = 3;
/** An unexpected failure is tried again twice, after about 10 s and 20 s. */
const RETRY = { retryLimit: 2, retryDelay: 10, retryBackoff: true } as const;
/** The longest a job may run before pg-boss takes it back; a dead worker is found far sooner by heartbeat. */
const EXPIRE_SECONDS = 6 * 3600;
/** How long a shutdown waits for running jobs to finish before it lets them go. */
const DRAIN_MS = 25_000;
/** How often the embedded runner looks for queued runs and due schedules. */
const POLL_MS = 1000;

interface RunMessage {
  /** Absent when pg-boss's cron queued the job: the worker then opens the run itself. */
  runId?: string;
}

/**
 * The thin provider over pg-boss (docs/jobs.md): one queue per job, the run table kept
 * in step with it, heartbeats, and lost runs failed so that they block nothing. On the
 * embedded database (one PGlite session for every connection) pg-boss is not sound, so
 * an in-process runner works the same run table instead.
 */
@Injectable()
export class JobQueue {
  private readonly logger = new Logger('Jobs');
  private boss: PgBoss | null = null;
  private handlers = new Map<string, JobHandler>();
  private timers: NodeJS.Timeout[] = [];
  /** The embedded runner's job in hand (awaited on shutdown), retry times and next schedule ticks. */
  private current: Promise<unknown> | null = null;
  private readonly retryAt = new Map<string, number>();
  private readonly nextTick = new Map<string, Date>();
  private stopping = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly runs: JobRunRepository,
  ) {}

  async start(handlers: JobHandler[]): Promise<void> {
    this.handlers = new Map(handlers.map((h) => [h.name, h]));
    if (this.config.databaseUrl) await this.startPgBoss(handlers);
    else this.startInProcess(handlers);
    const sweepMs = Math.max(1, Math.floor(this.config.jobHeartbeatTimeoutSeconds / 3)) * 1000;
    this.timers.push(setInterval(() => void this.failLostRuns().catch(() => undefined), sweepMs));
  }

  /** Lets running jobs finish (up to DRAIN_MS), then closes pg-boss's pool. */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const timer of this.timers) clearInterval(timer);
    await this.boss?.stop({ graceful: true, timeout: DRAIN_MS });
    this.boss = null;
    if (this.current) await Promise.race([this.current, new Promise((r) => setTimeout(r, DRAIN_MS).unref())]);
  }

  /**
   * Queues the run's job in the caller's transaction, so the run, its audit entry and the
   * job commit together. Embedded, the queued run row is itself what the runner picks up.
   * Null when the queue refused it (a stately queue already has one waiting).
   */
  async send(manager: EntityManager, name: string, runId: string): Promise<string | null> {
    if (!this.config.databaseUrl) return runId;
    if (!this.boss) throw new Error('The job queue is not started');
    return this.boss.send(name, { runId } satisfies RunMessage, { db: transactionDb(manager) });
  }

  async failLostRuns(): Promise<void> {
    await this.runs.failLost(this.config.jobHeartbeatTimeoutSeconds);
  }

  /** Creates or updates each job's queue and schedule, then works them. */
  private async startPgBoss(handlers: JobHandler[]): Promise<void> {
    // The schema is the owner's to create (migration 1764000000013); the tables in it are pg-boss's.
    const boss = new PgBoss({
      connectionString: this.config.databaseUrl!,
      schema: QUEUE_SCHEMA,
      max: QUEUE_POOL_SIZE,
      createSchema: false,
    });
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
          for (const job of jobs) {
            const runId = job.data.runId ?? (await this.runs.insertScheduled(handler.name));
            const failure = await this.execute(handler, runId, () => job.retryCount < job.retryLimit);
            // Thrown back to pg-boss, which retries it with backoff.
            if (failure) throw failure;
          }
        },
      );
    }
  }

  /** One job at a time in this process, from the run table; schedules by pg-boss's cron arithmetic. */
  private startInProcess(handlers: JobHandler[]): void {
    // Never started: used only for its cron arithmetic (previewSchedule), which needs no database.
    const cron = new PgBoss({ connectionString: 'postgres://unused' });
    const schedule = (handler: JobHandler, from: Date) => {
      if (handler.schedule)
        this.nextTick.set(handler.name, cron.previewSchedule(handler.schedule, { tz: 'UTC', from, count: 1 })[0]);
    };
    for (const handler of handlers) schedule(handler, new Date());
    const tick = async () => {
      const now = new Date();
      for (const [name, due] of this.nextTick) {
        if (due > now) continue;
        await this.runs.insertScheduled(name);
        schedule(this.handlers.get(name)!, now);
      }
      const waiting = [...this.retryAt].filter(([, at]) => at > Date.now()).map(([id]) => id);
      const next = await this.runs.nextQueued([...this.handlers.keys()], waiting);
      if (!next || this.stopping) return;
      this.retryAt.delete(next.id);
      await this.execute(this.handlers.get(next.jobName)!, next.id, (attempts) => {
        if (attempts > RETRY.retryLimit) return false;
        this.retryAt.set(next.id, Date.now() + RETRY.retryDelay * 1000 * 2 ** (attempts - 1));
        return true;
      });
    };
    this.timers.push(
      setInterval(() => {
        if (this.current || this.stopping) return;
        this.current = tick()
          .catch((error: unknown) => this.logger.error({ err: error }, 'job runner error'))
          .finally(() => (this.current = null));
      }, POLL_MS),
    );
  }

  /**
   * Runs one claimed run to its end. Returns the error when the run is to be retried
   * (`retry`, given the attempts so far, says whether it may be), else nothing.
   */
  private async execute(handler: JobHandler, runId: string, retry: (attempts: number) => boolean): Promise<unknown> {
    const run = await this.runs.claim(runId);
    // Already given up as lost (its worker died) or finished: a retry of it must not run again.
    if (!run) return undefined;
    const progress = new BatchedProgress(
      (figures) => this.runs.beat(runId, figures),
      this.config.jobHeartbeatTimeoutSeconds,
    );
    const beatMs = Math.max(1, Math.floor(this.config.jobHeartbeatTimeoutSeconds / 3)) * 1000;
    const heartbeat = setInterval(() => void progress.flush().catch(() => undefined), beatMs);
    try {
      const result = await handler.run(run.params, progress, runId);
      await this.runs.complete(runId, progress.snapshot(), result);
      return undefined;
    } catch (error) {
      // A refusal (DomainError) says what is wrong and would say it again: it is not retried.
      const expected = error instanceof DomainError;
      const again = !expected && retry(run.attempts);
      if (!expected) this.logger.error({ err: error, job: handler.name, runId }, 'job run failed');
      const reason = expected ? coded(error.code, error.params) : coded('jobs.run_failed');
      await this.runs.fail(runId, progress.snapshot(), again ? 'queued' : 'failed', reason);
      return again ? error : undefined;
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
