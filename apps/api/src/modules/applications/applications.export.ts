import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ExportsService } from '../exports/exports.service';
import { APPLICATION_LIST } from './applications.repository';
import { ApplicationsService } from './applications.service';

/** Offers the applications list to the exporter (GET /api/applications/export and its job). */
@Injectable()
export class ApplicationsExport implements OnModuleInit {
  constructor(
    private readonly exports: ExportsService,
    private readonly applications: ApplicationsService,
  ) {}

  onModuleInit(): void {
    this.exports.register({
      resource: 'applications',
      spec: APPLICATION_LIST,
      rows: (ctx, query) => this.applications.exportRows(ctx, query),
    });
  }
}
