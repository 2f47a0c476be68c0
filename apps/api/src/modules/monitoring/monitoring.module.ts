import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { ReferenceDataModule } from '../reference-data/reference-data.module';
import { MonitoringAggregatesJob } from './monitoring-aggregates.job';
import { MonitoringController } from './monitoring.controller';
import { MonitoringRepository } from './monitoring.repository';
import { MonitoringService } from './monitoring.service';

/** The staff monitoring dashboard over summary tables the `monitoring-aggregates` job keeps (docs/monitoring.md). */
@Module({
  imports: [JobsModule, ReferenceDataModule],
  controllers: [MonitoringController],
  providers: [MonitoringRepository, MonitoringService, MonitoringAggregatesJob],
  exports: [MonitoringService],
})
export class MonitoringModule {}
