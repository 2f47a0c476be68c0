import { Global, Module } from '@nestjs/common';
import { AuditEventsController } from './audit-events.controller';
import { AuditLogService } from './audit-log.service';
import { AuditService } from './audit.service';
import { PersonalDataReads } from './personal-data-reads.service';

/** Global: every capability writes its audit entries through AuditService. */
@Global()
@Module({
  controllers: [AuditEventsController],
  providers: [AuditService, AuditLogService, PersonalDataReads],
  exports: [AuditService, AuditLogService, PersonalDataReads],
})
export class AuditModule {}
