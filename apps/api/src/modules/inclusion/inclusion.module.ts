import { Module } from '@nestjs/common';
import { QuotasModule } from '../quotas/quotas.module';
import { ReferenceDataModule } from '../reference-data/reference-data.module';
import { SettlementsModule } from '../settlements/settlements.module';
import { InclusionController } from './inclusion.controller';
import { InclusionRepository } from './inclusion.repository';
import { InclusionService } from './inclusion.service';

/** Approved families' requests for inclusion in a regional quota, and the commission's decisions. */
@Module({
  imports: [QuotasModule, SettlementsModule, ReferenceDataModule],
  controllers: [InclusionController],
  providers: [InclusionRepository, InclusionService],
  exports: [InclusionService],
})
export class InclusionModule {}
