import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { JobHandler, JobProgress } from '../jobs/job-handler';
import { JobsService } from '../jobs/jobs.service';
import { ForecastsService } from './forecasts.service';

/** The weekly forecast of arrivals per region and nationally (docs/monitoring-history.md); no params. */
@Injectable()
export class ForecastJob implements JobHandler, OnModuleInit {
  readonly name = 'forecast';
  // Mondays 01:00 in Kazakhstan (UTC+5): after the weekend's settlements are recorded.
  readonly schedule = '0 20 * * 0';

  constructor(
    private readonly jobs: JobsService,
    private readonly forecasts: ForecastsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(this);
  }

  async run(_params: Record<string, unknown>, progress: JobProgress, runId: string): Promise<Record<string, unknown>> {
    return { ...(await this.forecasts.runForecasts(progress, runId)) };
  }
}
