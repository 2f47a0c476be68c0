import { Injectable, type OnModuleInit } from '@nestjs/common';
import { monthOf, todayInKazakhstan } from '@qonys/domain';
import type { JobHandler, JobProgress } from '../jobs/job-handler';
import { JobsService } from '../jobs/jobs.service';
import { SupportPaymentsService } from './support-payments.service';

/** The daily preparation of the month's rent instalments (docs/support-payments.md); no params. */
@Injectable()
export class RentInstalmentsJob implements JobHandler, OnModuleInit {
  readonly name = 'rent-instalments';
  // 00:30 in Kazakhstan (UTC+5), after the status clocks: an ended status gets no instalment.
  readonly schedule = '30 19 * * *';

  constructor(
    private readonly jobs: JobsService,
    private readonly payments: SupportPaymentsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(this);
  }

  async run(_params: Record<string, unknown>, progress: JobProgress): Promise<Record<string, unknown>> {
    return { ...(await this.payments.prepareRentInstalments(monthOf(todayInKazakhstan()), progress)) };
  }
}
