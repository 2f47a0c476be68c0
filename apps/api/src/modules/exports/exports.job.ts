import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { AuthedContext } from '../../common/auth/actor';
import { DomainError } from '../../common/errors/domain-error';
import { type FileStore, newAreaKey } from '../../common/storage/file-store';
import type { JobHandler, JobProgress } from '../jobs/job-handler';
import { JobsService } from '../jobs/jobs.service';
import { CONTENT_TYPES, EXPORT_JOB, type ExportJobParams, exportFileName, ExportsService } from './exports.service';
import { EXPORT_STORE } from './export-store';

/**
 * A large list export as the job `list-export` (on demand, queued by GET /api/<resource>/export):
 * the rows are written to a temporary file batch by batch (progress: rows written of the
 * count), the file is put in the store under `exports/…`, and the run's result names it.
 */
@Injectable()
export class ListExportJob implements JobHandler, OnModuleInit {
  readonly name = EXPORT_JOB;
  readonly schedule = null;

  constructor(
    private readonly jobs: JobsService,
    private readonly exports: ExportsService,
    @Inject(EXPORT_STORE) private readonly store: FileStore,
  ) {}

  onModuleInit(): void {
    this.jobs.register(this);
  }

  /** Not started from the Jobs screen: an export is asked for on its list, which fixes its rows and caller. */
  parseParams(): Record<string, unknown> {
    throw DomainError.invalid({ params: 'validation.not_allowed' });
  }

  async run(params: Record<string, unknown>, progress: JobProgress, runId: string): Promise<Record<string, unknown>> {
    const job = params as ExportJobParams;
    const ctx: AuthedContext = {
      actor: { ...job.actor, sessionId: `job:${runId}` },
      requestId: `job:${runId}`,
      ip: null,
    };
    const rows = this.exports.rowsForJob(ctx, job);
    await progress.phase('export.phase_writing', await rows.count(Number.MAX_SAFE_INTEGER));
    const directory = await mkdtemp(join(tmpdir(), 'qonys-export-'));
    try {
      const path = join(directory, 'export');
      let reported = 0;
      const written = await this.exports.write(
        ctx,
        job.resource,
        rows,
        job.format,
        job.language,
        createWriteStream(path),
        async (n) => {
          await progress.advance(n - reported);
          reported = n;
        },
      );
      const storageKey = newAreaKey('exports');
      await this.store.putFile(storageKey, path, CONTENT_TYPES[job.format]);
      return { storageKey, fileName: exportFileName(job.resource, job.format), format: job.format, rows: written };
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  }
}
