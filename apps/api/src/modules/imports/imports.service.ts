import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import {
  IMPORT_COLUMNS,
  IMPORT_KINDS,
  IMPORT_MODES,
  importColumnOf,
  type ImportKind,
  type ImportLocale,
  PERSON_IMPORT_COLUMNS,
  type Resource,
} from '@qonys/domain';
import type { AuthedContext } from '../../common/auth/actor';
import { inScope, regionScope } from '../../common/auth/region-scope';
import { DomainError, type FieldMessages } from '../../common/errors/domain-error';
import { ListResult, type ParsedListQuery } from '../../common/list/list-query';
import { type FileStore, newAreaKey } from '../../common/storage/file-store';
import { IMPORT_FILE_STORE } from '../../common/storage/file-store.provider';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { AuditService } from '../audit/audit.service';
import { JobsService } from '../jobs/jobs.service';
import { errorsCsv, templateCsv } from './import-files';
import { creatorContext, IMPORT_JOB } from './import.job';
import { importRunView, type ImportRunView } from './import-run-view';
import { ImportsRepository } from './imports.repository';
import { readTableRows, tableFormatOf } from './table-stream';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A run whose worker died is started again at most this many times in all. */
const MAX_ATTEMPTS = 3;

/** What each kind writes: the caller needs `create` on it, as on its own screen. */
const TARGET: Readonly<Record<ImportKind, Resource>> = {
  persons: 'persons',
  'labour-demand': 'labour-demand',
  'arrivals-history': 'arrivals-history',
};
/** The columns a kind's header must have (the rest of IMPORT_COLUMNS are optional). */
const REQUIRED: Readonly<Record<ImportKind, readonly string[]>> = {
  persons: PERSON_IMPORT_COLUMNS,
  'labour-demand': IMPORT_COLUMNS['labour-demand'],
  'arrivals-history': IMPORT_COLUMNS['arrivals-history'],
};

export interface NewImport {
  kind?: string;
  mode?: string;
  regionCode?: string;
  file: { fileName: string; content: Buffer } | null;
}

/**
 * Bulk imports (docs/imports.md): an upload becomes a run on the job queue; its state,
 * progress and report are read here, region-scoped like the rows it writes. A run whose
 * worker died is queued again (its writes were rolled back with its transaction).
 */
@Injectable()
export class ImportsService implements OnApplicationShutdown {
  private readonly logger = new Logger('Imports');
  private sweepTimer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly runs: ImportsRepository,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
    @Inject(IMPORT_FILE_STORE) private readonly files: FileStore,
  ) {}

  /** Called once the queue has started on the migrated schema (server.ts). */
  startSweeping(): void {
    void this.sweep();
    const everyMs = Math.max(1, Math.floor(this.config.jobHeartbeatTimeoutSeconds / 3)) * 1000;
    this.sweepTimer = setInterval(
      () => void this.restartStranded().catch((error: unknown) => this.swept(error)),
      everyMs,
    );
    this.sweepTimer.unref();
  }

  onApplicationShutdown(): void {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
  }

  async create(ctx: AuthedContext, input: NewImport): Promise<ImportRunView> {
    const scope = regionScope(ctx.actor, 'imports', 'create');
    const errors: FieldMessages = {};
    const kind = IMPORT_KINDS.find((k) => k === input.kind);
    const mode = IMPORT_MODES.find((m) => m === input.mode);
    if (!kind) errors.kind = { code: 'validation.is_in', params: { values: IMPORT_KINDS.join(', ') } };
    if (!mode) errors.mode = { code: 'validation.is_in', params: { values: IMPORT_MODES.join(', ') } };
    if (!input.file || input.file.content.length === 0) errors.file = 'document.file_required';
    if (Object.keys(errors).length > 0) throw DomainError.invalid(errors);
    const file = input.file!;
    // The kind's own permission (a caseworker imports persons, not labour demand): 403 as on its screen.
    const kindScope = regionScope(ctx.actor, TARGET[kind!], 'create');
    let defaultRegionId: number | null = null;
    if (input.regionCode) {
      const regionId = (await this.runs.regionIdsByCode()).get(input.regionCode);
      if (regionId === undefined) throw DomainError.invalid({ regionCode: 'region.not_found' });
      if (!inScope(kindScope, regionId)) throw DomainError.invalid({ regionCode: 'region.not_settable' });
      defaultRegionId = regionId;
    }
    const format = tableFormatOf(file.content, file.fileName);
    await checkHeader(kind!, file.content, format);
    const storageKey = newAreaKey('imports');
    await this.files.put(storageKey, file.content, format === 'xlsx' ? XLSX_TYPE : 'text/csv');
    const id = await this.runs.transaction(async (manager) => {
      const runId = await this.runs.insert(manager, {
        kind: kind!,
        mode: mode!,
        fileName: file.fileName.slice(0, 255) || 'import',
        format,
        fileSize: file.content.length,
        storageKey,
        regionId: scope,
        defaultRegionId,
        createdBy: ctx.actor.id,
      });
      const job = await this.jobs.enqueue(manager, ctx, IMPORT_JOB, { importRunId: runId });
      await this.runs.setJobRun(manager, runId, job.id);
      return runId;
    });
    return importRunView((await this.runs.get(id, { errors: true }))!);
  }

  async list(ctx: AuthedContext, query: ParsedListQuery): Promise<ListResult<ImportRunView>> {
    const scope = regionScope(ctx.actor, 'imports', 'list');
    await this.sweep();
    const page = await this.runs.page(query, scope);
    return new ListResult(
      page.resource,
      page.items.map((run) => importRunView(run, false)),
      page.start,
      page.total,
    );
  }

  async get(ctx: AuthedContext, id: string): Promise<ImportRunView> {
    await this.sweep();
    return importRunView(await this.visible(ctx, id, { errors: true }));
  }

  /** The file's rows that have errors, with an error column in the reader's language. */
  async errorsFile(
    ctx: AuthedContext,
    id: string,
    locale: ImportLocale,
  ): Promise<{ fileName: string; content: string }> {
    const run = await this.visible(ctx, id, { errors: true, storageKey: true });
    const byRow = new Map<number, { field: string; code: string; params: Record<string, unknown> }[]>();
    for (const e of run.errors) byRow.set(e.row, [...(byRow.get(e.row) ?? []), e]);
    const rows = readTableRows(await this.files.get(run.storageKey), run.format);
    const content = await errorsCsv(rows, byRow, locale);
    // The rows are the file's as uploaded: a persons file's are personal data, so the read is audited.
    await this.audit.recordAlone(ctx, {
      action: 'import_run.errors_download',
      entityType: 'import_run',
      entityId: run.id,
      regionId: run.regionId,
      changes: { rows: { before: null, after: byRow.size } },
    });
    return { fileName: `${run.fileName.replace(/\.(csv|xlsx)$/i, '')}-errors.csv`, content };
  }

  template(kind: string, locale: ImportLocale): { fileName: string; content: string } {
    const known = IMPORT_KINDS.find((k) => k === kind);
    if (!known) throw DomainError.notFound('import_run');
    return { fileName: `${known}-${locale}.csv`, content: templateCsv(known, locale) };
  }

  private async visible(ctx: AuthedContext, id: string, options: { errors?: boolean; storageKey?: boolean }) {
    const scope = regionScope(ctx.actor, 'imports', 'show');
    const run = UUID.test(id) ? await this.runs.get(id, options) : null;
    // Another region's run answers as a missing one.
    if (!run || (scope !== null && run.regionId !== scope)) throw DomainError.notFound('import_run');
    return run;
  }

  /** Before a read: lost job attempts are failed, and the runs they stranded are restarted or ended. */
  private async sweep(): Promise<void> {
    await this.restartStranded().catch((error: unknown) => this.swept(error));
  }

  /**
   * An unfinished run whose job attempt failed: queued again on a new job when its worker
   * died (a kill, a crash; the attempt's transaction was rolled back), up to MAX_ATTEMPTS;
   * else failed with the job's error.
   */
  async restartStranded(): Promise<void> {
    await this.jobs.failLostRuns();
    await this.runs.transaction(async (manager) => {
      for (const run of await this.runs.lockStranded(manager)) {
        if (run.errorCode === 'jobs.worker_lost' && run.attempts < MAX_ATTEMPTS) {
          const creator = await this.runs.creator(run.createdBy);
          if (creator) {
            const job = await this.jobs.enqueue(manager, creatorContext(creator, run.id), IMPORT_JOB, {
              importRunId: run.id,
            });
            await this.runs.requeue(manager, run.id, job.id);
            continue;
          }
        }
        await this.runs.failStranded(manager, run.id, run.errorCode ?? 'jobs.run_failed', run.errorParams ?? {});
      }
    });
  }

  private swept(error: unknown): void {
    this.logger.warn({ err: error }, 'import restart sweep failed');
  }
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A file the job could not read is refused now: 400 with the header's problem, nothing queued. */
async function checkHeader(kind: ImportKind, content: Buffer, format: 'csv' | 'xlsx'): Promise<void> {
  const { Readable } = await import('node:stream');
  let header: string[] | null = null;
  for await (const { cells } of readTableRows(Readable.from([content]), format)) {
    if (cells.every((c) => c === '')) continue;
    header = cells.map(importColumnOf);
    break;
  }
  if (header === null) throw DomainError.invalid({ file: 'import.no_rows' });
  const missing = REQUIRED[kind].filter((c) => !header.includes(c));
  if (missing.length > 0)
    throw DomainError.invalid({
      file: { code: 'import.header', params: { columns: REQUIRED[kind].join(', '), missing: missing.join(', ') } },
    });
}
