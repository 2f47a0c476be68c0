import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { JobHandler, JobProgress } from '../jobs/job-handler';
import { JobsService } from '../jobs/jobs.service';
import { MonitoringService } from './monitoring.service';

/** Rewrites the monitoring summary tables (docs/monitoring.md); no params. */
@Injectable()
export class MonitoringAggregatesJob implements JobHandler, OnModuleInit {
  readonly name = 'monitoring-aggregates';
  // Every 15 minutes: the dashboard says how old its figures are (asOf).
  readonly schedule = '*/15 * * * *';

  constructor(
    private readonly jobs: JobsService,
    private readonly monitoring: MonitoringService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(this);
  }

  async run(_params: Record<string, unknown>, progress: JobProgress): Promise<Record<string, unknown>> {
    return { ...(await this.monitoring.refresh(progress)) };
  }
}
