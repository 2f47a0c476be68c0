import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ExportsService } from '../exports/exports.service';
import { SETTLEMENT_LIST } from './settlements.repository';
import { SettlementsService } from './settlements.service';

/** Offers the settlements list to the exporter (GET /api/settlements/export and its job). */
@Injectable()
export class SettlementsExport implements OnModuleInit {
  constructor(
    private readonly exports: ExportsService,
    private readonly settlements: SettlementsService,
  ) {}

  onModuleInit(): void {
    this.exports.register({
      resource: 'settlements',
      spec: SETTLEMENT_LIST,
      rows: (ctx, query) => this.settlements.exportRows(ctx, query),
    });
  }
}
