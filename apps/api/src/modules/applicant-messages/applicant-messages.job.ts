import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { JobHandler, JobProgress } from '../jobs/job-handler';
import { JobsService } from '../jobs/jobs.service';
import { MessageDelivery } from './message-delivery.service';

/** Sends the due messages to applicants, and queues those about statuses ending soon (docs/applicant-messages.md); no params. */
@Injectable()
export class ApplicantMessagesJob implements JobHandler, OnModuleInit {
  readonly name = 'applicant-messages';
  // Every five minutes: the shortest retry pause is one minute, a family hears of an event within minutes.
  readonly schedule = '*/5 * * * *';

  constructor(
    private readonly jobs: JobsService,
    private readonly delivery: MessageDelivery,
  ) {}

  onModuleInit(): void {
    this.jobs.register(this);
  }

  async run(_params: Record<string, unknown>, progress: JobProgress): Promise<Record<string, unknown>> {
    return { ...(await this.delivery.run(progress)) };
  }
}
