import { Global, Module } from '@nestjs/common';
import { checkpointStoreProvider } from '../../common/storage/file-store.provider';
import { JobsModule } from '../jobs/jobs.module';
import { AuditCheckpointJob } from './audit-checkpoint.job';
import { AuditCheckpointService } from './audit-checkpoint.service';
import { AuditEventsController, PublicAuditCheckpointController } from './audit-events.controller';
import { AuditLogService } from './audit-log.service';
import { AuditService } from './audit.service';
import { PersonalDataReads } from './personal-data-reads.service';

/** Global: every capability writes its audit entries through AuditService. */
@Global()
@Module({
  imports: [JobsModule],
  controllers: [AuditEventsController, PublicAuditCheckpointController],
  providers: [
    AuditService,
    AuditLogService,
    PersonalDataReads,
    AuditCheckpointService,
    AuditCheckpointJob,
    checkpointStoreProvider,
  ],
  exports: [AuditService, AuditLogService, PersonalDataReads, AuditCheckpointService],
})
export class AuditModule {}
