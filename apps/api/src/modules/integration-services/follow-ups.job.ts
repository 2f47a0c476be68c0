import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { JobHandler, JobProgress } from '../jobs/job-handler';
import { JobsService } from '../jobs/jobs.service';
import { FollowUpsService } from './follow-ups.service';

/** The daily creation of the outcome follow-ups families have reached (docs/integration-services.md); no params. */
@Injectable()
export class FollowUpsJob implements JobHandler, OnModuleInit {
  readonly name = 'outcome-follow-ups';
  // 00:20 in Kazakhstan (UTC+5), after the status clocks.
  readonly schedule = '20 19 * * *';

  constructor(
    private readonly jobs: JobsService,
    private readonly followUps: FollowUpsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(this);
  }

  async run(_params: Record<string, unknown>, progress: JobProgress): Promise<Record<string, unknown>> {
    return { ...(await this.followUps.createDue(progress)) };
  }
}
