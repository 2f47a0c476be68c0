import { Module } from '@nestjs/common';
import { ExportsModule } from '../exports/exports.module';
import { QuotasModule } from '../quotas/quotas.module';
import { SupportPaymentsModule } from '../support-payments/support-payments.module';
import { TransferRequestsModule } from '../transfers/transfer-requests.module';
import { SettlementsController } from './settlements.controller';
import { SettlementsRepository } from './settlements.repository';
import { SettlementsExport } from './settlements.export';
import { SettlementsService } from './settlements.service';

/** Where included families settle, their arrival, and moves between regions (or requests for them). */
@Module({
  imports: [QuotasModule, TransferRequestsModule, SupportPaymentsModule, ExportsModule],
  controllers: [SettlementsController],
  providers: [SettlementsRepository, SettlementsService, SettlementsExport],
  exports: [SettlementsService],
})
export class SettlementsModule {}
