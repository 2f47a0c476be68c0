import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { QuotasModule } from '../quotas/quotas.module';
import { SettlementsModule } from '../settlements/settlements.module';
import { TransferRequestsModule } from '../transfers/transfer-requests.module';
import { PlacementBatchJob } from './placement-batch.job';
import { PlacementBatchesService } from './placement-batches.service';
import { PlacementController } from './placement.controller';
import { PlacementRepository } from './placement.repository';
import { PlacementService } from './placement.service';
import { LabourDemandController, RegionCapacitiesController } from './placement-reference.controller';
import { PlacementReferenceService } from './placement-reference.service';

/**
 * Placement recommendation: one family's ranked regions, the optimal batch assignment
 * (HiGHS), overrides and acceptance into the quota; and its reference data (labour
 * demand, region capacities, weights).
 */
@Module({
  imports: [JobsModule, QuotasModule, SettlementsModule, TransferRequestsModule],
  controllers: [PlacementController, LabourDemandController, RegionCapacitiesController],
  providers: [
    PlacementRepository,
    PlacementService,
    PlacementBatchesService,
    PlacementBatchJob,
    PlacementReferenceService,
  ],
  exports: [PlacementBatchesService, PlacementReferenceService],
})
export class PlacementModule {}
