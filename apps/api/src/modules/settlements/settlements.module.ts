import { Module } from '@nestjs/common';
import { QuotasModule } from '../quotas/quotas.module';
import { SupportPaymentsModule } from '../support-payments/support-payments.module';
import { TransferRequestsModule } from '../transfers/transfer-requests.module';
import { SettlementsController } from './settlements.controller';
import { SettlementsRepository } from './settlements.repository';
import { SettlementsService } from './settlements.service';

/** Where included families settle, their arrival, and moves between regions (or requests for them). */
@Module({
  imports: [QuotasModule, TransferRequestsModule, SupportPaymentsModule],
  controllers: [SettlementsController],
  providers: [SettlementsRepository, SettlementsService],
  exports: [SettlementsService],
})
export class SettlementsModule {}
