import { Module } from '@nestjs/common';
import { TransferRequestsRepository } from './transfer-requests.repository';
import { TransferRequestsService } from './transfer-requests.service';

/**
 * Transfer requests themselves: raising, declining, withdrawing and expiring them, and
 * the family-consent rule. Settlements and placement raise them; TransfersModule decides.
 */
@Module({
  providers: [TransferRequestsRepository, TransferRequestsService],
  exports: [TransferRequestsService],
})
export class TransferRequestsModule {}
