import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { JobHandler, JobProgress } from '../jobs/job-handler';
import { JobsService } from '../jobs/jobs.service';
import { NotificationsService } from './notifications.service';

/** The daily notification of cases due soon or overdue to their assignees (docs/notifications.md); no params. */
@Injectable()
export class StaffNotificationsJob implements JobHandler, OnModuleInit {
  readonly name = 'staff-notifications';
  // 07:00 in Kazakhstan (UTC+5): before the working day, after the night's status clocks.
  readonly schedule = '0 2 * * *';

  constructor(
    private readonly jobs: JobsService,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(this);
  }

  async run(_params: Record<string, unknown>, progress: JobProgress): Promise<Record<string, unknown>> {
    return { ...(await this.notifications.notifyDeadlines(progress)) };
  }
}
