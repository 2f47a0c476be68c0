import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MessageParams } from '@qonys/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { fetchPage, type ListResult, type ParsedListQuery } from '../../common/list/list-query';
import { JobRun } from './entities/job-run.entity';
import { JOB_RUN_LIST } from './job-lists';

/** What a run has done so far, as the worker last wrote it. */
export interface RunProgress {
  phase: string | null;
  total: number | null;
  processed: number;
  failed: number;
}

/** The job_run table: every state change of a run is one conditional UPDATE here. */
@Injectable()
export class JobRunRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A new queued run, inside the caller's transaction (with its audit entry and queue job). */
  async insertQueued(
    manager: EntityManager,
    run: { jobName: string; params: Record<string, unknown>; requestedBy: number | null },
  ): Promise<JobRun> {
    const repo = manager.getRepository(JobRun);
    return repo.save(repo.create({ ...run, state: 'queued' }));
  }

  /** The run of a job its schedule queued (no one asked for it); returns its id. */
  async insertScheduled(jobName: string): Promise<string> {
    const [row] = await this.dataSource.query<{ id: string }[]>(
      'INSERT INTO job_run (job_name) VALUES ($1) RETURNING id',
      [jobName],
    );
    return row.id;
  }

  /** The oldest queued run of these jobs, leaving out those waiting to be retried. */
  async nextQueued(jobNames: string[], notBefore: string[]): Promise<{ id: string; jobName: string } | null> {
    const [row] = await this.dataSource.query<{ id: string; job_name: string }[]>(
      `SELECT id, job_name FROM job_run WHERE state = 'queued' AND job_name = ANY ($1) AND NOT (id = ANY ($2::uuid[]))
        ORDER BY queued_at LIMIT 1`,
      [jobNames, notBefore],
    );
    return row ? { id: row.id, jobName: row.job_name } : null;
  }

  /** Takes a queued run for a worker; null when it is no longer queued (finished, or failed as lost). */
  async claim(id: string): Promise<Pick<JobRun, 'id' | 'params' | 'attempts'> | null> {
    const [rows] = await this.dataSource.query<[Pick<JobRun, 'id' | 'params' | 'attempts'>[], number]>(
      `UPDATE job_run SET state = 'running', started_at = now(), heartbeat_at = now(), attempts = attempts + 1,
              error_code = NULL, error_params = NULL, phase = 'jobs.phase_starting', total = NULL, processed = 0, failed = 0
        WHERE id = $1 AND state = 'queued' RETURNING id, params, attempts`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The worker is alive; with progress, writes it too. False when the run is no longer running. */
  async beat(id: string, progress: RunProgress): Promise<boolean> {
    const [, count] = await this.dataSource.query<[unknown[], number]>(
      `UPDATE job_run SET heartbeat_at = now(), phase = $2, total = $3, processed = $4, failed = $5
        WHERE id = $1 AND state = 'running'`,
      [id, progress.phase, progress.total, progress.processed, progress.failed],
    );
    return count > 0;
  }

  async complete(id: string, progress: RunProgress, result: Record<string, unknown>): Promise<void> {
    await this.dataSource.query(
      `UPDATE job_run SET state = 'completed', finished_at = now(), heartbeat_at = now(),
              phase = $2, total = $3, processed = $4, failed = $5, result = $6
        WHERE id = $1 AND state = 'running'`,
      [id, progress.phase, progress.total, progress.processed, progress.failed, JSON.stringify(result)],
    );
  }

  /** Ends a run with its error; `queued` when the queue will retry it. */
  async fail(
    id: string,
    progress: RunProgress,
    next: 'failed' | 'queued',
    error: { code: string; params: MessageParams },
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE job_run SET state = $2::varchar, finished_at = CASE WHEN $2::varchar = 'failed' THEN now() END,
              phase = $3, total = $4, processed = $5, failed = $6, error_code = $7, error_params = $8
        WHERE id = $1 AND state = 'running'`,
      [
        id,
        next,
        progress.phase,
        progress.total,
        progress.processed,
        progress.failed,
        error.code,
        JSON.stringify(error.params),
      ],
    );
  }

  /** Runs whose worker went silent (killed, crashed, cut off) end as failed, so they block nothing. */
  async failLost(timeoutSeconds: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE job_run SET state = 'failed', finished_at = now(), error_code = 'jobs.worker_lost', error_params = $2
        WHERE state = 'running' AND heartbeat_at < now() - make_interval(secs => $1)`,
      [timeoutSeconds, JSON.stringify({ seconds: timeoutSeconds })],
    );
  }

  async get(id: string): Promise<JobRun | null> {
    return this.dataSource.getRepository(JobRun).findOneBy({ id });
  }

  async page(query: ParsedListQuery): Promise<ListResult<JobRun>> {
    return fetchPage(this.dataSource.getRepository(JobRun).createQueryBuilder('r'), query, JOB_RUN_LIST);
  }

  /** The latest run of each named job. */
  async lastRuns(names: string[]): Promise<Map<string, JobRun>> {
    const runs = await this.dataSource
      .getRepository(JobRun)
      .createQueryBuilder('r')
      .distinctOn(['r.job_name'])
      .where('r.job_name IN (:...names)', { names })
      .orderBy('r.job_name')
      .addOrderBy('r.queued_at', 'DESC')
      .getMany();
    return new Map(runs.map((run) => [run.jobName, run]));
  }
}
