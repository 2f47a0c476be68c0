import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { ForecastJob } from './forecast.job';
import { ForecastsController } from './forecasts.controller';
import { ForecastsRepository } from './forecasts.repository';
import { ForecastsService } from './forecasts.service';

/**
 * Arrivals history (published figures, imported, and Qonys's own settlements) and the
 * monthly forecasts per region and nationally with their backtests (docs/monitoring-history.md).
 */
@Module({
  imports: [JobsModule],
  controllers: [ForecastsController],
  providers: [ForecastsRepository, ForecastsService, ForecastJob],
  exports: [ForecastsService],
})
export class ForecastsModule {}
