import { PassThrough, type Writable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportLanguage,
  type ExportResource,
  exportLanguage,
} from '@qonys/domain';
import type { DataSource, ObjectLiteral } from 'typeorm';
import type { Actor, AuthedContext } from '../../common/auth/actor';
import { coded, DomainError } from '../../common/errors/domain-error';
import { type ExportBatch, type ExportSource, writeExport } from '../../common/export/table-writer';
import { type ListSpec, type ParsedListQuery, parseListQuery, type RawListQuery } from '../../common/list/list-query';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { PersonalDataReads } from '../audit/personal-data-reads.service';
import { JobsService } from '../jobs/jobs.service';
import { ExportsRepository } from './exports.repository';

/** A list's rows for an export: counted (no further than a cap) and read in batches. */
export interface ListRows {
  count(cap: number): Promise<number>;
  batches(): AsyncIterable<ExportBatch>;
}

/** How a list module hands its rows to the exporter: its list spec, and its rows scoped to the caller. */
export interface ListExport<T extends ObjectLiteral = ObjectLiteral> {
  resource: ExportResource;
  spec: ListSpec<T>;
  rows(ctx: AuthedContext, query: ParsedListQuery): ListRows;
}

/** `?format=&locale=` beside the list's own `sort` and `filter` (a `range` is ignored: an export is the whole list). */
export interface RawExportQuery extends RawListQuery {
  format?: string;
  locale?: string;
}

/** Export parameters as a job keeps them: everything needed to read the same rows again as the same caller. */
export interface ExportJobParams extends Record<string, unknown> {
  resource: ExportResource;
  sort?: string;
  filter?: string;
  format: ExportFormat;
  language: ExportLanguage;
  /** The caller, with the role and region they had when they asked: the job reads what they could. */
  actor: Pick<Actor, 'id' | 'username' | 'role' | 'regionId' | 'providerId'>;
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export const EXPORT_JOB = 'list-export';

/** What the caller gets: the file now (a small list) or the job run that will write it (a large one). */
export type ExportStart =
  { kind: 'stream'; fileName: string; contentType: string; body: PassThrough } | { kind: 'job'; id: string };

export const exportFileName = (resource: ExportResource, format: ExportFormat, now = new Date()): string =>
  `${resource}-${now.toISOString().slice(0, 10)}.${format}`;

/**
 * List exports (docs/exports.md): `GET /api/<resource>/export` reads the list's rows with
 * its own filters, sort and region scope. A small list streams in the response; one of
 * more than EXPORT_JOB_THRESHOLD rows becomes a `list-export` job writing a file to the
 * store. Each batch of rows is audited as a read of the persons it names before it is
 * written out.
 */
@Injectable()
export class ExportsService {
  private readonly lists = new Map<ExportResource, ListExport>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly reads: PersonalDataReads,
    private readonly repository: ExportsRepository,
  ) {}

  /** A list module offers its export; called in the module's `onModuleInit`. */
  register<T extends ObjectLiteral>(list: ListExport<T>): void {
    if (this.lists.has(list.resource)) throw new Error(`Export of ${list.resource} registered twice`);
    this.lists.set(list.resource, list as unknown as ListExport);
  }

  /** Checks the request (a coded 400 when the format, sort or filter is bad), then streams or queues. */
  async start(
    ctx: AuthedContext,
    resource: ExportResource,
    raw: RawExportQuery,
    acceptLanguage: string | undefined,
  ): Promise<ExportStart> {
    const format = parseFormat(raw.format);
    const list = this.listOf(resource);
    const query = parseListQuery({ sort: raw.sort, filter: raw.filter }, list.spec);
    const language = exportLanguage(raw.locale, acceptLanguage);
    const rows = list.rows(ctx, query);
    const threshold = this.config.exportJobThreshold;
    if ((await rows.count(threshold + 1)) > threshold) {
      const { id, username, role, regionId, providerId } = ctx.actor;
      const params: ExportJobParams = {
        resource,
        sort: raw.sort,
        filter: raw.filter,
        format,
        language,
        actor: { id, username, role, regionId, providerId },
      };
      const run = await this.dataSource.transaction((manager) => this.jobs.enqueue(manager, ctx, EXPORT_JOB, params));
      return { kind: 'job', id: run.id };
    }
    const body = new PassThrough();
    // Headers are sent by then: a failure mid-way (the audit log cannot be written) cuts the download short.
    const written = this.write(ctx, resource, rows, format, language, body);
    written.catch((error: unknown) => body.destroy(error as Error));
    return { kind: 'stream', fileName: exportFileName(resource, format), contentType: CONTENT_TYPES[format], body };
  }

  /** Writes the export of `rows` to `out`; used by the response stream and by the job. */
  async write(
    ctx: AuthedContext,
    resource: ExportResource,
    rows: ListRows,
    format: ExportFormat,
    language: ExportLanguage,
    out: Writable,
    onRows?: (written: number) => Promise<void>,
  ): Promise<number> {
    const regionNames = await this.repository.regionNames(language);
    const source: ExportSource = { resource, batches: () => rows.batches() };
    return writeExport(source, out, {
      format,
      language,
      regionName: (id) => regionNames.get(id) ?? `#${id}`,
      beforeBatch: (batch) =>
        this.reads.record(ctx, {
          action: 'list.export',
          regionId: ctx.actor.regionId,
          personIds: batch.personIds,
          changes: { list: { before: null, after: resource }, rows: { before: null, after: batch.rows.length } },
        }),
      afterBatch: onRows,
    });
  }

  /** The rows of a job's export, read again as the caller who asked for it. */
  rowsForJob(ctx: AuthedContext, params: ExportJobParams): ListRows {
    const list = this.listOf(params.resource);
    return list.rows(ctx, parseListQuery({ sort: params.sort, filter: params.filter }, list.spec));
  }

  private listOf(resource: ExportResource): ListExport {
    const list = this.lists.get(resource);
    if (!list) throw new Error(`No export registered for ${resource}`);
    return list;
  }
}

function parseFormat(raw: unknown): ExportFormat {
  const format = raw ?? 'csv';
  if (!(EXPORT_FORMATS as readonly unknown[]).includes(format))
    throw DomainError.invalid({ format: coded('validation.is_in', { values: EXPORT_FORMATS.join(', ') }) });
  return format as ExportFormat;
}
