import { Module } from '@nestjs/common';
import { ApplicantMessagesModule } from '../applicant-messages/applicant-messages.module';
import { PaymentBatchesController } from './payment-batches.controller';
import { PaymentBatchesRepository } from './payment-batches.repository';
import { PaymentBatchesService } from './payment-batches.service';
import { PaymentHistory } from './payment-history';
import { SupportPaymentsController } from './support-payments.controller';
import { SupportPaymentsRepository } from './support-payments.repository';
import { SupportPaymentsService } from './support-payments.service';

/** State support inside the quota, counted in MCI, and its payments (docs/support-payments.md). */
@Module({
  imports: [ApplicantMessagesModule],
  controllers: [SupportPaymentsController, PaymentBatchesController],
  providers: [
    SupportPaymentsRepository,
    SupportPaymentsService,
    PaymentBatchesRepository,
    PaymentBatchesService,
    PaymentHistory,
  ],
})
export class SupportPaymentsModule {}
