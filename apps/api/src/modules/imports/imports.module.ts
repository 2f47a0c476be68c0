import { Module } from '@nestjs/common';
import { importFileStoreProvider } from '../../common/storage/file-store.provider';
import { ForecastsModule } from '../forecasts/forecasts.module';
import { JobsModule } from '../jobs/jobs.module';
import { PlacementModule } from '../placement/placement.module';
import { ImportJob } from './import.job';
import { ImportsController } from './imports.controller';
import { ImportsRepository } from './imports.repository';
import { ImportsService } from './imports.service';
import { PersonImportRepository } from './person-import.repository';
import { PersonImportService } from './person-import.service';

/**
 * Bulk imports of persons, labour demand and arrivals history in the background
 * (docs/imports.md): a run per upload on the job queue, its report and error file.
 */
@Module({
  imports: [JobsModule, PlacementModule, ForecastsModule],
  controllers: [ImportsController],
  providers: [
    importFileStoreProvider,
    ImportsRepository,
    ImportsService,
    ImportJob,
    PersonImportRepository,
    PersonImportService,
  ],
})
export class ImportsModule {}
