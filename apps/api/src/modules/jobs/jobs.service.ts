import { type BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthedContext } from '../../common/auth/actor';
import { DomainError, ErrorKind } from '../../common/errors/domain-error';
import { ListResult, type ParsedListQuery } from '../../common/list/list-query';
import { AuditService } from '../audit/audit.service';
import type { JobHandler } from './job-handler';
import { JobQueue } from './job-queue';
import { JobRunRepository } from './job-run.repository';
import { jobRunView, type JobRunView } from './job-run-view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface JobView {
  /** The job's name, as react-admin's record id. */
  id: string;
  name: string;
  schedule: string | null;
  lastRun: JobRunView | null;
}

/**
 * The jobs feature modules register (docs/jobs.md), run now by an administrator or on
 * their schedule, and their runs.
 */
@Injectable()
export class JobsService implements BeforeApplicationShutdown {
  private readonly handlers = new Map<string, JobHandler>();
  private started = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
    private readonly runs: JobRunRepository,
    private readonly audit: AuditService,
  ) {}

  /** Adds a job; feature modules call it in `onModuleInit`, before the queue starts. */
  register(handler: JobHandler): void {
    if (this.started) throw new Error(`Job ${handler.name} registered after the queue started`);
    if (this.handlers.has(handler.name)) throw new Error(`Job ${handler.name} registered twice`);
    this.handlers.set(handler.name, handler);
  }

  /** Starts working the queue; the server calls it once the schema is migrated. */
  async start(): Promise<void> {
    this.started = true;
    await this.queue.start([...this.handlers.values()]);
  }

  /** SIGTERM: the running jobs finish (or are let go) before the database pool closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.queue.stop();
  }

  async list(): Promise<ListResult<JobView>> {
    const handlers = [...this.handlers.values()].sort((a, b) => a.name.localeCompare(b.name));
    const last = handlers.length > 0 ? await this.runs.lastRuns(handlers.map((h) => h.name)) : new Map();
    const jobs = handlers.map((h) => {
      const run = last.get(h.name);
      return { id: h.name, name: h.name, schedule: h.schedule, lastRun: run ? jobRunView(run) : null };
    });
    return new ListResult('jobs', jobs, 0, jobs.length);
  }

  /** Run now: checks the job and its parameters, then queues a run (audited). */
  async runNow(ctx: AuthedContext, name: string, rawParams: unknown): Promise<JobRunView> {
    const handler = this.handlers.get(name);
    if (!handler) throw new DomainError(ErrorKind.NotFound, 'jobs.unknown', { name });
    let params: Record<string, unknown> = {};
    if (handler.parseParams) params = handler.parseParams(rawParams ?? {});
    else if (rawParams !== undefined && Object.keys(rawParams as object).length > 0)
      throw DomainError.invalid({ params: 'validation.not_allowed' });
    const run = await this.dataSource.transaction((manager) => this.enqueue(manager, ctx, name, params));
    return jobRunView(run);
  }

  /**
   * Queues a run inside the caller's transaction, with its audit entry: a feature that
   * starts a job as part of its own write (a placement batch) commits both or neither.
   */
  async enqueue(manager: EntityManager, ctx: AuthedContext, name: string, params: Record<string, unknown>) {
    const run = await this.runs.insertQueued(manager, { jobName: name, params, requestedBy: ctx.actor.id });
    await this.audit.record(manager, ctx, {
      action: 'job_run.create',
      entityType: 'job_run',
      entityId: run.id,
      changes: { jobName: { before: null, after: name }, params: { before: null, after: params } },
    });
    if ((await this.queue.send(manager, name, run.id)) === null)
      throw new DomainError(ErrorKind.Conflict, 'jobs.already_queued', { name });
    return run;
  }

  async getRun(id: string): Promise<JobRunView> {
    await this.queue.failLostRuns();
    const run = UUID.test(id) ? await this.runs.get(id) : null;
    if (!run) throw DomainError.notFound('job_run');
    return jobRunView(run);
  }

  async listRuns(query: ParsedListQuery): Promise<ListResult<JobRunView>> {
    await this.queue.failLostRuns();
    const page = await this.runs.page(query);
    return new ListResult(page.resource, page.items.map(jobRunView), page.start, page.total);
  }

  /** Fails the runs whose worker went silent; callers that read run states do it first. */
  failLostRuns(): Promise<void> {
    return this.queue.failLostRuns();
  }
}
