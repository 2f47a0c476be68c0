import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { ExportFilesService } from './export-files.service';
import { exportStoreProvider } from './export-store';
import { ListExportJob } from './exports.job';
import { ExportsController } from './exports.controller';
import { ExportsRepository } from './exports.repository';
import { ExportsService } from './exports.service';

/**
 * List exports (docs/exports.md): list modules import it and register their rows with
 * ExportsService in `onModuleInit`; their controllers answer `GET <list>/export` through it.
 */
@Module({
  imports: [JobsModule],
  controllers: [ExportsController],
  providers: [ExportsService, ExportsRepository, ExportFilesService, ListExportJob, exportStoreProvider],
  exports: [ExportsService],
})
export class ExportsModule {}
