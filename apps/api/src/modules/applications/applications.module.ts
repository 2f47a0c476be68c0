import { Module } from '@nestjs/common';
import { ApplicantMessagesModule } from '../applicant-messages/applicant-messages.module';
import { DocumentsModule } from '../documents/documents.module';
import { InclusionModule } from '../inclusion/inclusion.module';
import { JobsModule } from '../jobs/jobs.module';
import { ReferenceDataModule } from '../reference-data/reference-data.module';
import { ApplicationAssignmentService } from './application-assignment.service';
import { ApplicationMembersService } from './application-members.service';
import { ApplicationTransitionsService } from './application-transitions.service';
import { ApplicationsController } from './applications.controller';
import { ApplicationsRepository } from './applications.repository';
import { ApplicationsService } from './applications.service';
import { StatusExpiryJob } from './status-expiry.job';
import { StatusExpiryService } from './status-expiry.service';

/** The case for kandas status: intake, family, state machine, deadlines, timeline, queues. */
@Module({
  imports: [ReferenceDataModule, DocumentsModule, InclusionModule, JobsModule, ApplicantMessagesModule],
  controllers: [ApplicationsController],
  providers: [
    ApplicationsRepository,
    ApplicationsService,
    ApplicationMembersService,
    ApplicationTransitionsService,
    ApplicationAssignmentService,
    StatusExpiryService,
    StatusExpiryJob,
  ],
  exports: [ApplicationsService],
})
export class ApplicationsModule {}
