import { Module } from '@nestjs/common';
import { QuotasController } from './quotas.controller';
import { QuotasRepository } from './quotas.repository';
import { QuotasService } from './quotas.service';
import { ReservationsService } from './reservations.service';

/** Regional quotas, their append-only ledger, and atomic reservations against them. */
@Module({
  controllers: [QuotasController],
  providers: [QuotasRepository, QuotasService, ReservationsService],
  exports: [ReservationsService],
})
export class QuotasModule {}
