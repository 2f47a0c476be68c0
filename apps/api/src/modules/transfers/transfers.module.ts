import { Module } from '@nestjs/common';
import { PlacementModule } from '../placement/placement.module';
import { SettlementsModule } from '../settlements/settlements.module';
import { TransferDecisionsService } from './transfer-decisions.service';
import { TransferRequestsModule } from './transfer-requests.module';
import { TransfersController } from './transfers.controller';

/** Transfers between regions (docs/transfers.md): the receiving region's official decides. */
@Module({
  imports: [TransferRequestsModule, SettlementsModule, PlacementModule],
  controllers: [TransfersController],
  providers: [TransferDecisionsService],
})
export class TransfersModule {}
