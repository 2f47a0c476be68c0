import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { JobHandler, JobProgress } from '../jobs/job-handler';
import { JobsService } from '../jobs/jobs.service';
import { AuditCheckpointService } from './audit-checkpoint.service';

/** Hourly: anchors the audit chain's head in the object store (docs/audit-chain.md). */
@Injectable()
export class AuditCheckpointJob implements JobHandler, OnModuleInit {
  readonly name = 'audit-checkpoint';
  readonly schedule = '0 * * * *';

  constructor(
    private readonly checkpoints: AuditCheckpointService,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(this);
  }

  async run(_params: Record<string, unknown>, progress: JobProgress): Promise<Record<string, unknown>> {
    const checkpoint = await this.checkpoints.writeCheckpoint(progress);
    return checkpoint
      ? { checkpointId: checkpoint.id, lastEventId: checkpoint.lastEventId, eventCount: checkpoint.eventCount }
      : { checkpointId: null };
  }
}
