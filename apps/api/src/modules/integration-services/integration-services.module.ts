import { Module } from '@nestjs/common';
import { ReferenceDataModule } from '../reference-data/reference-data.module';
import { AdaptationPlansRepository } from './adaptation-plans.repository';
import { AdaptationPlansService } from './adaptation-plans.service';
import {
  AdaptationPlansController,
  ReferralsController,
  ServiceProvidersController,
} from './integration-services.controller';
import { ReferralsRepository } from './referrals.repository';
import { ReferralsService } from './referrals.service';
import { ServiceProvidersRepository } from './service-providers.repository';
import { ServiceProvidersService } from './service-providers.service';

/** Integration services after arrival: providers, adaptation plans, referrals (docs/integration-services.md). */
@Module({
  imports: [ReferenceDataModule],
  controllers: [ServiceProvidersController, AdaptationPlansController, ReferralsController],
  providers: [
    ServiceProvidersRepository,
    ServiceProvidersService,
    AdaptationPlansRepository,
    AdaptationPlansService,
    ReferralsRepository,
    ReferralsService,
  ],
})
export class IntegrationServicesModule {}
