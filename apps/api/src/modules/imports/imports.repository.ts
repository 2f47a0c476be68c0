import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MessageParams, Role } from '@qonys/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { fetchPage, type ListResult, type ParsedListQuery } from '../../common/list/list-query';
import { ImportRun, type StoredRowError } from './entities/import-run.entity';
import { IMPORT_RUN_LIST } from './import-lists';

/** How many of a run's errors are kept (the count is kept in full). */
export const IMPORT_ERRORS_KEPT = 10_000;

/** Figures a run's end writes. */
export interface RunOutcome {
  rowsRead: number;
  rowsValid: number;
  rowsWritten: number;
  inserted: number | null;
  updated: number | null;
  unchanged: number | null;
  errors: StoredRowError[];
  errorCount: number;
  error: { code: string; params: MessageParams } | null;
}

/** Who created a run, as the worker acts for them. */
export interface RunCreator {
  id: number;
  username: string;
  role: Role;
  regionId: number | null;
  providerId: number | null;
}

/** The import_run table. */
@Injectable()
export class ImportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insert(
    manager: EntityManager,
    run: Pick<
      ImportRun,
      'kind' | 'mode' | 'fileName' | 'format' | 'fileSize' | 'storageKey' | 'regionId' | 'defaultRegionId' | 'createdBy'
    >,
  ): Promise<string> {
    const result = await manager.getRepository(ImportRun).insert(run);
    return (result.identifiers[0] as { id: string }).id;
  }

  async setJobRun(manager: EntityManager, id: string, jobRunId: string): Promise<void> {
    await manager.query('UPDATE import_run SET job_run_id = $2 WHERE id = $1', [id, jobRunId]);
  }

  /** One run, with its stored errors and file key when asked. */
  async get(id: string, options: { errors?: boolean; storageKey?: boolean } = {}): Promise<ImportRun | null> {
    const qb = this.dataSource.getRepository(ImportRun).createQueryBuilder('i').where('i.id = :id', { id });
    if (options.errors) qb.addSelect('i.errors');
    if (options.storageKey) qb.addSelect('i.storageKey');
    return qb.getOne();
  }

  page(query: ParsedListQuery, regionId: number | null): Promise<ListResult<ImportRun>> {
    const qb = this.dataSource.getRepository(ImportRun).createQueryBuilder('i');
    if (regionId !== null) qb.where('i.region_id = :scopeRegionId', { scopeRegionId: regionId });
    return fetchPage(qb, query, IMPORT_RUN_LIST);
  }

  async regionIdsByCode(manager: EntityManager = this.dataSource.manager): Promise<Map<string, number>> {
    const rows = await manager.query<{ id: number; code: string }[]>('SELECT id, code FROM region');
    return new Map(rows.map((r) => [r.code, r.id]));
  }

  async creator(userId: number): Promise<RunCreator | null> {
    const [row] = await this.dataSource.query<
      { id: number; username: string; role: Role; region_id: number | null; provider_id: number | null }[]
    >('SELECT id, username, role, region_id, provider_id FROM app_user WHERE id = $1', [userId]);
    return row
      ? { id: row.id, username: row.username, role: row.role, regionId: row.region_id, providerId: row.provider_id }
      : null;
  }

  /**
   * The worker takes the run: `running` from `queued`, or again from `running` (the
   * attempt before died; its writes were rolled back with its transaction). Null when
   * the run has ended.
   */
  async start(id: string): Promise<ImportRun | null> {
    const [rows] = await this.dataSource.query<[{ id: string }[], number]>(
      `UPDATE import_run SET state = 'running', started_at = now(), attempts = attempts + 1,
              rows_read = 0, rows_valid = 0, rows_written = 0, error_code = NULL, error_params = NULL
        WHERE id = $1 AND state IN ('queued', 'running') RETURNING id`,
      [id],
    );
    return rows.length > 0 ? this.get(id, { storageKey: true }) : null;
  }

  async progress(id: string, rowsRead: number, rowsValid: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE import_run SET rows_read = $2, rows_valid = $3 WHERE id = $1 AND state = 'running'`,
      [id, rowsRead, rowsValid],
    );
  }

  /** Ends the run, in the caller's transaction when the end commits with the rows it wrote. */
  async finish(
    id: string,
    state: 'completed' | 'failed',
    outcome: RunOutcome,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.query(
      `UPDATE import_run SET state = $2, finished_at = clock_timestamp(), rows_read = $3, rows_valid = $4, rows_written = $5,
              inserted = $6, updated = $7, unchanged = $8, errors = $9, error_count = $10,
              error_code = $11, error_params = $12
        WHERE id = $1 AND state = 'running'`,
      [
        id,
        state,
        outcome.rowsRead,
        outcome.rowsValid,
        outcome.rowsWritten,
        outcome.inserted,
        outcome.updated,
        outcome.unchanged,
        JSON.stringify(outcome.errors.slice(0, IMPORT_ERRORS_KEPT)),
        outcome.errorCount,
        outcome.error?.code ?? null,
        outcome.error ? JSON.stringify(outcome.error.params) : null,
      ],
    );
  }

  /**
   * Unfinished runs whose job attempt has ended failed, locked for this transaction
   * (another replica's sweep skips them): `lost` when its worker died (to be queued
   * again), else the job's own error (to end the run with).
   */
  async lockStranded(
    manager: EntityManager,
  ): Promise<
    { id: string; createdBy: number; attempts: number; errorCode: string | null; errorParams: MessageParams | null }[]
  > {
    const rows = await manager.query<
      {
        id: string;
        created_by: number;
        attempts: number;
        error_code: string | null;
        error_params: MessageParams | null;
      }[]
    >(
      `SELECT i.id, i.created_by, i.attempts, j.error_code, j.error_params
         FROM import_run i JOIN job_run j ON j.id = i.job_run_id
        WHERE i.state IN ('queued', 'running') AND j.state = 'failed'
        ORDER BY i.created_at
        FOR UPDATE OF i SKIP LOCKED`,
    );
    return rows.map((r) => ({
      id: r.id,
      createdBy: r.created_by,
      attempts: r.attempts,
      errorCode: r.error_code,
      errorParams: r.error_params,
    }));
  }

  /** A stranded run queued again on its new job attempt. */
  async requeue(manager: EntityManager, id: string, jobRunId: string): Promise<void> {
    await manager.query(`UPDATE import_run SET state = 'queued', job_run_id = $2 WHERE id = $1`, [id, jobRunId]);
  }

  async failStranded(manager: EntityManager, id: string, code: string, params: MessageParams): Promise<void> {
    await manager.query(
      `UPDATE import_run SET state = 'failed', finished_at = now(), error_code = $2, error_params = $3 WHERE id = $1`,
      [id, code, JSON.stringify(params)],
    );
  }
}
