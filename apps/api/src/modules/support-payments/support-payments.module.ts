import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ApplicantMessagesModule } from '../applicant-messages/applicant-messages.module';
import { PaymentBatchesController } from './payment-batches.controller';
import { PaymentBatchesRepository } from './payment-batches.repository';
import { PaymentBatchesService } from './payment-batches.service';
import { PaymentHistory } from './payment-history';
import { RentInstalmentsJob } from './rent-instalments.job';
import { SupportRecoveriesController } from './support-recoveries.controller';
import { SupportRecoveriesRepository } from './support-recoveries.repository';
import { SupportRecoveriesService } from './support-recoveries.service';
import { SupportPaymentsController } from './support-payments.controller';
import { SupportPaymentsRepository } from './support-payments.repository';
import { SupportPaymentsService } from './support-payments.service';

/** State support inside the quota, counted in MCI, and its payments (docs/support-payments.md). */
@Module({
  imports: [JobsModule, NotificationsModule, ApplicantMessagesModule],
  controllers: [SupportPaymentsController, PaymentBatchesController, SupportRecoveriesController],
  providers: [
    SupportPaymentsRepository,
    SupportPaymentsService,
    PaymentBatchesRepository,
    PaymentBatchesService,
    PaymentHistory,
    RentInstalmentsJob,
    SupportRecoveriesRepository,
    SupportRecoveriesService,
  ],
  exports: [SupportPaymentsService, SupportRecoveriesService],
})
export class SupportPaymentsModule {}
