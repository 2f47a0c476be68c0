import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { SupportPaymentsModule } from '../support-payments/support-payments.module';
import { LegalStatusStepsController } from './legal-status-steps.controller';
import { LegalStatusStepsRepository } from './legal-status-steps.repository';
import { LegalStatusStepsService } from './legal-status-steps.service';

/** Permanent residence and citizenship after kandas status (docs/legal-status.md). */
@Module({
  imports: [ApplicationsModule, SupportPaymentsModule],
  controllers: [LegalStatusStepsController],
  providers: [LegalStatusStepsRepository, LegalStatusStepsService],
})
export class LegalStatusModule {}
