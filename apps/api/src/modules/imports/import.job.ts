import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { importColumnOf } from '@qonys/domain';
import type { AuthedContext } from '../../common/auth/actor';
import { regionScope } from '../../common/auth/region-scope';
import { DomainError, ErrorKind } from '../../common/errors/domain-error';
import { type Cell, readTable, type RowError } from '../../common/input/table-import';
import { IMPORT_FILE_STORE } from '../../common/storage/file-store.provider';
import { type FileStore, StoredFileMissing } from '../../common/storage/file-store';
import { AuditService } from '../audit/audit.service';
import { ForecastsService } from '../forecasts/forecasts.service';
import type { JobHandler, JobProgress } from '../jobs/job-handler';
import { JobsService } from '../jobs/jobs.service';
import { PlacementReferenceService } from '../placement/placement-reference.service';
import type { ImportRun } from './entities/import-run.entity';
import { importAuditEntry } from './import-audit';
import { ImportsRepository, type RunCreator, type RunOutcome } from './imports.repository';
import { PersonImportService } from './person-import.service';

export const IMPORT_JOB = 'import';

/** The creator's context: the worker acts for them, with their current role and region. */
export const creatorContext = (creator: RunCreator, runId: string): AuthedContext => ({
  actor: { ...creator, sessionId: '' },
  requestId: `import-${runId}`,
  ip: null,
});

/**
 * The `import` job (docs/imports.md): one import run per job, whatever its kind. A
 * refusal (DomainError) ends the run failed with its code; anything else is retried by
 * the queue and the run starts again from the file (its writes were rolled back).
 */
@Injectable()
export class ImportJob implements JobHandler, OnModuleInit {
  readonly name = IMPORT_JOB;
  readonly schedule = null;

  constructor(
    private readonly jobs: JobsService,
    private readonly runs: ImportsRepository,
    private readonly persons: PersonImportService,
    private readonly placement: PlacementReferenceService,
    private readonly forecasts: ForecastsService,
    private readonly audit: AuditService,
    @Inject(IMPORT_FILE_STORE) private readonly files: FileStore,
  ) {}

  onModuleInit(): void {
    this.jobs.register(this);
  }

  parseParams(): Record<string, unknown> {
    // An import starts from its upload (POST /api/imports), never from "Run now".
    throw DomainError.invalid({ params: 'validation.not_allowed' });
  }

  async run(params: Record<string, unknown>, progress: JobProgress): Promise<Record<string, unknown>> {
    const run = await this.runs.start(String(params.importRunId));
    if (!run) return { importRunId: params.importRunId, skipped: true };
    const creator = await this.runs.creator(run.createdBy);
    try {
      if (!creator) throw new DomainError(ErrorKind.Forbidden, 'auth.forbidden');
      const ctx = creatorContext(creator, run.id);
      const outcome = await this.work(ctx, run, progress);
      return {
        importRunId: run.id,
        inserted: outcome.inserted,
        updated: outcome.updated,
        errors: outcome.errorCount,
        timingsMs: 'timingsMs' in outcome ? outcome.timingsMs : null,
      };
    } catch (error) {
      if (error instanceof DomainError) {
        const fileErrors = error.fieldErrors?.file;
        const reason =
          typeof fileErrors === 'object' ? fileErrors : { code: fileErrors ?? error.code, params: error.params };
        await this.runs.finish(run.id, 'failed', {
          ...emptyOutcome(),
          error: { code: reason.code, params: reason.params ?? {} },
        });
      }
      throw error;
    }
  }

  private async work(
    ctx: AuthedContext,
    run: ImportRun,
    progress: JobProgress,
  ): Promise<RunOutcome & { timingsMs?: Record<string, number> }> {
    const input = await this.files.get(run.storageKey).catch((error: unknown) => {
      if (error instanceof StoredFileMissing) throw new DomainError(ErrorKind.Invalid, 'imports.file_missing');
      throw error;
    });
    switch (run.kind) {
      case 'persons':
        return this.persons.run(ctx, run, regionScope(ctx.actor, 'persons', 'create'), input, progress);
      case 'labour-demand':
      case 'arrivals-history':
        return this.table(ctx, run, Buffer.concat(await input.toArray()));
    }
  }

  /**
   * Labour demand and arrivals history: their own importers check and write the rows
   * (the same as their screens' import), here with the headers of any language.
   */
  private async table(ctx: AuthedContext, run: ImportRun, content: Buffer): Promise<RunOutcome> {
    const records = (await readTable(content, run.fileName)).map((record) =>
      Object.fromEntries(Object.entries(record).map(([header, value]) => [importColumnOf(header), value])),
    ) as Record<string, Cell>[];
    const dryRun = run.mode === 'dry-run';
    const scope = run.kind === 'labour-demand' ? regionScope(ctx.actor, 'labour-demand', 'create') : null;
    let outcome: RunOutcome;
    try {
      const result =
        run.kind === 'labour-demand'
          ? await this.placement.importDemandRecords(ctx, records, run.fileName, run.fileName, { dryRun })
          : await this.forecasts.importHistoryRecords(ctx, records, run.fileName, { dryRun });
      outcome = {
        ...emptyOutcome(),
        rowsRead: result.rows,
        rowsValid: result.rows,
        rowsWritten: dryRun ? 0 : result.created + result.updated,
        inserted: result.created,
        updated: result.updated,
        unchanged: result.unchanged,
      };
      await this.runs.finish(run.id, 'completed', outcome);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'import.refused') throw error;
      const rows = error.extra?.rows as RowError[];
      const errors = rows.map((e) => ({ row: e.row, field: e.field, code: e.code, params: e.params ?? {} }));
      outcome = {
        ...emptyOutcome(),
        rowsRead: records.length,
        rowsValid: records.length - new Set(errors.map((e) => e.row)).size,
        errors,
        errorCount: Number(error.params.count ?? errors.length),
        error: { code: 'imports.rows_invalid', params: { count: Number(error.params.count ?? errors.length) } },
      };
      await this.runs.finish(run.id, 'failed', outcome);
    }
    await this.audit.recordAlone(ctx, importAuditEntry(run, scope, outcome));
    return outcome;
  }
}

const emptyOutcome = (): RunOutcome => ({
  rowsRead: 0,
  rowsValid: 0,
  rowsWritten: 0,
  inserted: null,
  updated: null,
  unchanged: null,
  errors: [],
  errorCount: 0,
  error: null,
});
