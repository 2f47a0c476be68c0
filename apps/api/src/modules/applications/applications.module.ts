import { Module } from '@nestjs/common';
import { ApplicantMessagesModule } from '../applicant-messages/applicant-messages.module';
import { DocumentsModule } from '../documents/documents.module';
import { InclusionModule } from '../inclusion/inclusion.module';
import { ExportsModule } from '../exports/exports.module';
import { JobsModule } from '../jobs/jobs.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReferenceDataModule } from '../reference-data/reference-data.module';
import { ApplicationAssignmentService } from './application-assignment.service';
import { ApplicationMembersService } from './application-members.service';
import { ApplicationTransitionsService } from './application-transitions.service';
import { ApplicationsController } from './applications.controller';
import { ApplicationsRepository } from './applications.repository';
import { ApplicationsService } from './applications.service';
import { ApplicationsExport } from './applications.export';
import { StatusExpiryJob } from './status-expiry.job';
import { StatusEndingsService } from './status-endings.service';

/** The case for kandas status: intake, family, state machine, deadlines, timeline, queues. */
@Module({
  imports: [
    ReferenceDataModule,
    DocumentsModule,
    InclusionModule,
    JobsModule,
    NotificationsModule,
    ApplicantMessagesModule,
    ExportsModule,
  ],
  controllers: [ApplicationsController],
  providers: [
    ApplicationsRepository,
    ApplicationsService,
    ApplicationMembersService,
    ApplicationTransitionsService,
    ApplicationAssignmentService,
    StatusEndingsService,
    StatusExpiryJob,
    ApplicationsExport,
  ],
  exports: [ApplicationsService, StatusEndingsService],
})
export class ApplicationsModule {}
