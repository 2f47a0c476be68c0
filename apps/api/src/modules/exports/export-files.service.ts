import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import type { ExportFormat } from '@qonys/domain';
import type { AuthedContext } from '../../common/auth/actor';
import { DomainError, ErrorKind } from '../../common/errors/domain-error';
import type { FileStore } from '../../common/storage/file-store';
import { AuditService } from '../audit/audit.service';
import type { JobRunView } from '../jobs/job-run-view';
import { JobsService } from '../jobs/jobs.service';
import { EXPORT_STORE } from './export-store';
import { CONTENT_TYPES, EXPORT_JOB, type ExportJobParams } from './exports.service';

/** A large export as its requester sees it while it is written and once it is ready. */
export interface ExportView {
  id: string;
  resource: string;
  format: ExportFormat;
  state: JobRunView['state'];
  progress: JobRunView['progress'];
  rows: number | null;
  fileName: string | null;
  error: JobRunView['error'];
}

/** The runs of `list-export` and their files, each readable by the user who asked for it alone. */
@Injectable()
export class ExportFilesService {
  constructor(
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
    @Inject(EXPORT_STORE) private readonly store: FileStore,
  ) {}

  async get(ctx: AuthedContext, id: string): Promise<ExportView> {
    const run = await this.ownRun(ctx, id);
    const params = run.params as ExportJobParams;
    return {
      id: run.id,
      resource: params.resource,
      format: params.format,
      state: run.state,
      progress: run.progress,
      rows: typeof run.result?.rows === 'number' ? run.result.rows : null,
      fileName: typeof run.result?.fileName === 'string' ? run.result.fileName : null,
      error: run.error,
    };
  }

  /** The finished file, its download audited (it holds what the export read). */
  async file(ctx: AuthedContext, id: string): Promise<{ stream: Readable; fileName: string; contentType: string }> {
    const run = await this.ownRun(ctx, id);
    const result = run.result as { storageKey?: string; fileName?: string; format?: ExportFormat } | null;
    if (run.state !== 'completed' || !result?.storageKey || !result.fileName || !result.format)
      throw new DomainError(ErrorKind.Conflict, 'export.not_ready');
    const stream = await this.store.get(result.storageKey);
    try {
      await this.audit.recordAlone(ctx, {
        action: 'list.export_download',
        entityType: 'job_run',
        entityId: run.id,
        changes: { fileName: { before: null, after: result.fileName } },
      });
    } catch (error) {
      stream.destroy();
      throw error;
    }
    return { stream, fileName: result.fileName, contentType: CONTENT_TYPES[result.format] };
  }

  /** Another user's export, or a run of another job, answers as missing. */
  private async ownRun(ctx: AuthedContext, id: string): Promise<JobRunView> {
    let run: JobRunView;
    try {
      run = await this.jobs.getRun(id);
    } catch (error) {
      if (error instanceof DomainError) throw DomainError.notFound('job_run');
      throw error;
    }
    if (run.jobName !== EXPORT_JOB || run.requestedBy !== ctx.actor.id) throw DomainError.notFound('job_run');
    return run;
  }
}
