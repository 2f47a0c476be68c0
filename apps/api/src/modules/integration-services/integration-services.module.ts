import { Module } from '@nestjs/common';
import { ApplicantMessagesModule } from '../applicant-messages/applicant-messages.module';
import { JobsModule } from '../jobs/jobs.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReferenceDataModule } from '../reference-data/reference-data.module';
import { AdaptationPlansRepository } from './adaptation-plans.repository';
import { AdaptationPlansService } from './adaptation-plans.service';
import { FollowUpsJob } from './follow-ups.job';
import { FollowUpsRepository } from './follow-ups.repository';
import { FollowUpsService } from './follow-ups.service';
import {
  AdaptationPlansController,
  FollowUpsController,
  ReferralsController,
  ServiceProvidersController,
} from './integration-services.controller';
import { ReferralsRepository } from './referrals.repository';
import { ReferralsService } from './referrals.service';
import { ServiceProvidersRepository } from './service-providers.repository';
import { ServiceProvidersService } from './service-providers.service';

/** Integration services after arrival: providers, adaptation plans, referrals, outcome follow-ups (docs/integration-services.md). */
@Module({
  imports: [ReferenceDataModule, JobsModule, NotificationsModule, ApplicantMessagesModule],
  controllers: [ServiceProvidersController, AdaptationPlansController, ReferralsController, FollowUpsController],
  providers: [
    ServiceProvidersRepository,
    ServiceProvidersService,
    AdaptationPlansRepository,
    AdaptationPlansService,
    ReferralsRepository,
    ReferralsService,
    FollowUpsRepository,
    FollowUpsService,
    FollowUpsJob,
  ],
})
export class IntegrationServicesModule {}
