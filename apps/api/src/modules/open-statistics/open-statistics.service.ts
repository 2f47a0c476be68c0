import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APPLICATION_STATUSES, englishMessage, type MessageCode, REFERRAL_FIGURE_OUTCOMES } from '@qonys/domain';
import type { DataSource } from 'typeorm';
import type { AuthedContext, RequestContext } from '../../common/auth/actor';
import { coded, DomainError, ErrorKind } from '../../common/errors/domain-error';
import { ListResult, type ParsedListQuery } from '../../common/list/list-query';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { AuditService } from '../audit/audit.service';
import type { JobProgress } from '../jobs/job-handler';
import type { JobRunView } from '../jobs/job-run-view';
import { JobsService } from '../jobs/jobs.service';
import { buildCube, type ProtectedCube, protectCube } from './cube';
import { AGE_GROUPS, DATASETS, type DatasetSpec, QUOTA_MEASURES } from './datasets';
import { FILE_SUFFIX, toCsv, toJsonStat, toTableSchema } from './formats';
import {
  type Figures,
  OpenStatisticsRepository,
  type ReleaseFileRow,
  type ReleaseRow,
} from './open-statistics.repository';

export const STATISTICS_RELEASE_JOB = 'statistics-release';
const SYSTEM_CONTEXT: RequestContext = { actor: null, requestId: STATISTICS_RELEASE_JOB, ip: null };

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

export interface PublishParams {
  note: string | null;
  correctsReleaseNumber: number | null;
}

export interface PublishResult {
  number: number;
  sha256: string;
  files: number;
  bytes: number;
  suppressedCells: number;
  seconds: number;
}

export interface ReleaseView extends Omit<ReleaseRow, 'manifest'> {
  id: number;
  files: Omit<ReleaseFileRow, 'releaseNumber'>[];
}

/** Consecutive years (or months YYYY-MM) from the first to the last one given. */
function span(values: string[], monthly: boolean): string[] {
  if (values.length === 0) return [];
  const toIndex = (v: string) => (monthly ? Number(v.slice(0, 4)) * 12 + Number(v.slice(5, 7)) - 1 : Number(v));
  const sorted = values.map(toIndex).sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = sorted[0]; i <= sorted[sorted.length - 1]; i++)
    out.push(monthly ? `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}` : String(i));
  return out;
}

/** The inner categories of each dimension of a dataset: fixed lists, reference data, or what the data holds. */
function innerCategories(spec: DatasetSpec, figures: Figures): string[][] {
  const rows = figures.rows[spec.id];
  return spec.dimensions.map((dim, d) => {
    const seen = [...new Set(rows.map((row) => row.coordinates[d]))];
    switch (dim.id) {
      case 'year':
        return span(seen, false);
      case 'month':
        return span(seen, true);
      case 'region_code':
        return figures.regions.map((r) => r.code);
      case 'application_status':
        return APPLICATION_STATUSES.filter((s) => s !== 'draft');
      case 'age_group':
        return [...AGE_GROUPS];
      case 'sex':
        return ['M', 'F'];
      case 'measure':
        return [...QUOTA_MEASURES];
      case 'outcome':
        return [...REFERRAL_FIGURE_OUTCOMES];
      case 'service_type':
        return figures.serviceTypes.map((t) => t.code);
      default:
        // Countries of origin: those the data holds, ZZ (not recorded) last.
        return seen.sort((a, b) => (a === 'ZZ' ? 1 : b === 'ZZ' ? -1 : a.localeCompare(b)));
    }
  });
}

/** The first and last day the release's datasets cover. */
function periodOf(cubes: ProtectedCube[]): { from: string | null; to: string | null } {
  const days: string[] = [];
  for (const cube of cubes) {
    cube.spec.dimensions.forEach((dim, d) => {
      const list = cube.categories[d];
      if (list.length === 0) return;
      if (dim.id === 'year') days.push(`${list[0]}-01-01`, `${list[list.length - 1]}-12-31`);
      if (dim.id === 'month') {
        const last = list[list.length - 1];
        const end = new Date(Date.UTC(Number(last.slice(0, 4)), Number(last.slice(5, 7)), 0))
          .toISOString()
          .slice(0, 10);
        days.push(`${list[0]}-01`, end);
      }
    });
  }
  days.sort();
  return { from: days[0] ?? null, to: days[days.length - 1] ?? null };
}

/**
 * Open statistics (docs/open-statistics.md): a release computes every dataset from the
 * case records, protects it, audits the protection, and stores the files' exact bytes
 * with their SHA-256 and the manifest's SHA-256 in the audit chain. Everything public
 * is read back from a stored release, never recomputed.
 */
@Injectable()
export class OpenStatisticsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'statisticsThreshold'>,
    private readonly repository: OpenStatisticsRepository,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
  ) {}

  /** The job's work: a new release, refused (nothing written) when the audit finds a cell too narrow. */
  async publish(params: PublishParams, publishedBy: number | null, progress: JobProgress): Promise<PublishResult> {
    const started = performance.now();
    const threshold = this.config.statisticsThreshold;
    if (params.correctsReleaseNumber !== null && !(await this.repository.exists(params.correctsReleaseNumber)))
      throw new DomainError(ErrorKind.Invalid, 'statistics.unknown_release', { number: params.correctsReleaseNumber });
    await progress.phase('statistics.phase_computing');
    const figures = await this.repository.readFigures();

    await progress.phase('statistics.phase_protecting', DATASETS.length);
    const cubes: ProtectedCube[] = [];
    for (const spec of DATASETS) {
      const cube = await protectCube(buildCube(spec, innerCategories(spec, figures), figures.rows[spec.id]), threshold);
      const failure = cube.failures[0];
      if (failure)
        throw new DomainError(ErrorKind.Conflict, 'statistics.audit_failed', {
          dataset: `${spec.id} (${failure.coordinates.join(', ')})`,
          min: Math.round(failure.min),
          max: Number.isFinite(failure.max) ? Math.round(failure.max) : '∞',
          threshold,
        });
      cubes.push(cube);
      await progress.advance(1);
    }

    await progress.phase('statistics.phase_writing');
    const period = periodOf(cubes);
    const suppressedCells = cubes.reduce((n, cube) => n + cube.suppressed.filter(Boolean).length, 0);
    const labels = {
      region_code: Object.fromEntries(figures.regions.map((r) => [r.code, r.name])),
      service_type: Object.fromEntries(figures.serviceTypes.map((t) => [t.code, t.name])),
    };
    const result = await this.dataSource.transaction(async (manager) => {
      const number = await this.repository.nextNumber(manager);
      // The JSON-stat files name their release and date: the date is the moment of writing.
      const publishedAt = new Date().toISOString();
      const files = cubes.flatMap((cube) =>
        (
          [
            ['csv', toCsv(cube)],
            ['jsonstat', toJsonStat(cube, { number, publishedAt }, labels)],
            ['schema', toTableSchema(cube.spec)],
          ] as const
        ).map(([format, content]) => ({ dataset: cube.spec.id, format, content, sha256: sha256(content) })),
      );
      const manifest = files.map((f) => `${f.sha256}  ${f.dataset}${FILE_SUFFIX[f.format]}\n`).join('');
      const releaseSha256 = sha256(manifest);
      await this.repository.insertRelease(
        manager,
        number,
        {
          publishedBy,
          note: params.note,
          correctsReleaseNumber: params.correctsReleaseNumber,
          threshold,
          periodFrom: period.from,
          periodTo: period.to,
          manifest,
          sha256: releaseSha256,
          suppressedCells,
        },
        files,
      );
      await this.audit.record(manager, SYSTEM_CONTEXT, {
        action: 'statistics_release.publish',
        entityType: 'statistics_release',
        entityId: number,
        changes: {
          sha256: { before: null, after: releaseSha256 },
          note: { before: null, after: params.note },
          correctsReleaseNumber: { before: null, after: params.correctsReleaseNumber },
          publishedBy: { before: null, after: publishedBy },
        },
      });
      return {
        number,
        sha256: releaseSha256,
        files: files.length,
        bytes: files.reduce((n, f) => n + f.content.length, 0),
      };
    });
    return { ...result, suppressedCells, seconds: Math.round(performance.now() - started) / 1000 };
  }

  /** Right after the demo families are loaded: release 1, so the public page has something to show. */
  publishFirstDemoRelease(): Promise<PublishResult> {
    const logger = new Logger('Statistics');
    const progress: JobProgress = {
      phase: async (code) => logger.debug(englishMessage(code as MessageCode)),
      advance: async () => undefined,
    };
    return this.publish({ note: 'Demo data', correctsReleaseNumber: null }, null, progress);
  }

  /** An admin's "publish a release": the job, queued with its audit entry. */
  async requestRelease(ctx: AuthedContext, params: PublishParams): Promise<JobRunView> {
    if (params.correctsReleaseNumber !== null && !(await this.repository.exists(params.correctsReleaseNumber)))
      throw DomainError.invalid({
        correctsReleaseNumber: coded('statistics.unknown_release', { number: params.correctsReleaseNumber }),
      });
    return this.jobs.runNow(ctx, STATISTICS_RELEASE_JOB, {
      note: params.note ?? undefined,
      correctsReleaseNumber: params.correctsReleaseNumber ?? undefined,
    });
  }

  /** The admin list: releases newest first, each with its files. */
  async listReleases(query: ParsedListQuery): Promise<ListResult<ReleaseView>> {
    const page = await this.repository.releases(query.start, query.end - query.start + 1);
    const files = await this.repository.files(page.items.map((r) => r.number));
    return new ListResult(
      'statistics-releases',
      page.items.map((release) => this.view(release, files)),
      query.start,
      page.total,
    );
  }

  async getRelease(number: number): Promise<ReleaseView> {
    const release = await this.repository.release(number);
    if (!release) throw DomainError.notFound('statistics_release');
    return this.view(release, await this.repository.files([number]));
  }

  private view(release: ReleaseRow, files: ReleaseFileRow[]): ReleaseView {
    const { manifest: _manifest, ...rest } = release;
    return {
      id: release.number,
      ...rest,
      files: files.filter((f) => f.releaseNumber === release.number).map(({ releaseNumber: _n, ...f }) => f),
    };
  }
}
