import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { JobHandler, JobProgress } from '../jobs/job-handler';
import { JobsService } from '../jobs/jobs.service';
import { StatusEndingsService } from './status-endings.service';

/** The daily end of lapsed kandas statuses (docs/status-clocks.md); takes no params. */
@Injectable()
export class StatusExpiryJob implements JobHandler, OnModuleInit {
  readonly name = 'status-expiry';
  // 00:10 in Kazakhstan (UTC+5): the first minutes of the day after a status's last day.
  readonly schedule = '10 19 * * *';

  constructor(
    private readonly jobs: JobsService,
    private readonly expiry: StatusEndingsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(this);
  }

  async run(_params: Record<string, unknown>, progress: JobProgress): Promise<Record<string, unknown>> {
    return { ...(await this.expiry.expireLapsed(progress)) };
  }
}
