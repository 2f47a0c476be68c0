import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { PaymentBatchesController } from './payment-batches.controller';
import { PaymentBatchesRepository } from './payment-batches.repository';
import { PaymentBatchesService } from './payment-batches.service';
import { PaymentHistory } from './payment-history';
import { RentInstalmentsJob } from './rent-instalments.job';
import { SupportPaymentsController } from './support-payments.controller';
import { SupportPaymentsRepository } from './support-payments.repository';
import { SupportPaymentsService } from './support-payments.service';

/** State support inside the quota, counted in MCI, and its payments (docs/support-payments.md). */
@Module({
  imports: [JobsModule],
  controllers: [SupportPaymentsController, PaymentBatchesController],
  providers: [
    SupportPaymentsRepository,
    SupportPaymentsService,
    PaymentBatchesRepository,
    PaymentBatchesService,
    PaymentHistory,
    RentInstalmentsJob,
  ],
  exports: [SupportPaymentsService],
})
export class SupportPaymentsModule {}
