import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { AuditCheckpointService } from '../audit/audit-checkpoint.service';
import { DATASETS, datasetById, type Language, LICENCE } from './datasets';
import { CONTENT_TYPE, FILE_SUFFIX, MANIFEST_NAME, type ReleaseFormat } from './formats';
import { OpenStatisticsRepository } from './open-statistics.repository';
import { renderStatisticsPage } from './statistics-page';

const BASE = '/api/public/statistics';

/** One entry of `GET /api/public/statistics` (the contract of issue 10, plus description, schema and files). */
export interface PublicDataset {
  id: string;
  title: string;
  description: string;
  release: number;
  /** SHA-256 of the CSV file as served. */
  sha256: string;
  /** SHA-256 of the release's SHA256SUMS, as the audit chain holds it. */
  releaseSha256: string;
  publishedAt: string;
  licence: typeof LICENCE;
  downloads: { csv: string; jsonstat: string; schema: string };
  files: Record<ReleaseFormat, { url: string; sha256: string; bytes: number }>;
}

/** `<dataset>.csv` → its dataset and format; null for a name no release has. */
function parseFileName(name: string): { dataset: string; format: ReleaseFormat } | null {
  for (const format of ['schema', 'jsonstat', 'csv'] as const) {
    const suffix = FILE_SUFFIX[format];
    if (!name.endsWith(suffix)) continue;
    const dataset = name.slice(0, -suffix.length);
    return datasetById(dataset) ? { dataset, format } : null;
  }
  return null;
}

/**
 * The public side of the open statistics: everything read back from a stored release,
 * nothing recomputed. No route here reads a person.
 */
@Injectable()
export class PublicStatisticsService {
  constructor(
    private readonly repository: OpenStatisticsRepository,
    private readonly checkpoints: AuditCheckpointService,
  ) {}

  /** The latest release's datasets (or release N's); an empty list before the first release. */
  async datasets(lang: Language, number?: number): Promise<PublicDataset[]> {
    const release = await this.repository.release(number);
    if (!release) {
      if (number !== undefined) throw DomainError.notFound('statistics_release');
      return [];
    }
    const files = await this.repository.files([release.number]);
    const query = number === undefined ? '' : `?release=${release.number}`;
    return DATASETS.flatMap((spec) => {
      const of = (format: ReleaseFormat) => files.find((f) => f.dataset === spec.id && f.format === format);
      const [csv, jsonstat, schema] = [of('csv'), of('jsonstat'), of('schema')];
      if (!csv || !jsonstat || !schema) return [];
      const url = (format: ReleaseFormat) => `${BASE}/${spec.id}${FILE_SUFFIX[format]}${query}`;
      const entry = (format: ReleaseFormat, f: typeof csv) => ({
        url: url(format),
        sha256: f.sha256,
        bytes: f.sizeBytes,
      });
      return [
        {
          id: spec.id,
          title: spec.title[lang],
          description: spec.description[lang],
          release: release.number,
          sha256: csv.sha256,
          releaseSha256: release.sha256,
          publishedAt: new Date(release.publishedAt).toISOString(),
          licence: LICENCE,
          downloads: { csv: url('csv'), jsonstat: url('jsonstat'), schema: url('schema') },
          files: { csv: entry('csv', csv), jsonstat: entry('jsonstat', jsonstat), schema: entry('schema', schema) },
        },
      ];
    });
  }

  /** A file's stored bytes, or the release's SHA256SUMS; 404 for a name or release that does not exist. */
  async file(name: string, number?: number) {
    const release = await this.repository.release(number);
    if (!release) throw DomainError.notFound(number === undefined ? 'statistics_dataset' : 'statistics_release');
    if (name === MANIFEST_NAME) {
      const content = Buffer.from(release.manifest, 'utf8');
      return {
        content,
        sha256: release.sha256,
        release: release.number,
        contentType: 'text/plain; charset=utf-8',
        fileName: MANIFEST_NAME,
      };
    }
    const parsed = parseFileName(name);
    const file = parsed && (await this.repository.fileContent(release.number, parsed.dataset, parsed.format));
    if (!parsed || !file) throw DomainError.notFound('statistics_dataset');
    return {
      content: file.content,
      sha256: file.sha256,
      release: release.number,
      contentType: CONTENT_TYPE[parsed.format],
      fileName: name,
    };
  }

  /**
   * The page `/statistics` in one language: the release shown, every release, the latest
   * signed checkpoint; `found` is false when `?release=` names no release (a 404 page).
   */
  async page(lang: Language, number: number | null | undefined): Promise<{ html: string; found: boolean }> {
    const release = number === null ? null : await this.repository.release(number);
    const found = release !== null || number === undefined;
    const [files, releases, published] = [
      release ? await this.repository.files([release.number]) : [],
      (await this.repository.releases(0, 1000)).items,
      await this.checkpoints.published(),
    ];
    const html = renderStatisticsPage({
      lang,
      release,
      files,
      releases,
      checkpoint: published && { ...published.checkpoint, signature: published.signature },
      pinned: number !== undefined,
      unknownRelease: !found,
    });
    return { html, found };
  }
}
