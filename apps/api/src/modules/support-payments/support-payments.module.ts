import { Module } from '@nestjs/common';
import { SupportPaymentsController } from './support-payments.controller';
import { SupportPaymentsRepository } from './support-payments.repository';
import { SupportPaymentsService } from './support-payments.service';

/** State support inside the quota, counted in MCI (docs/support-payments.md). */
@Module({
  controllers: [SupportPaymentsController],
  providers: [SupportPaymentsRepository, SupportPaymentsService],
})
export class SupportPaymentsModule {}
