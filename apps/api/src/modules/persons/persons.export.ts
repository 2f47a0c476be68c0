import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ExportsService } from '../exports/exports.service';
import { PERSON_LIST } from './person-list';
import { PersonsService } from './persons.service';

/** Offers the persons list to the exporter (GET /api/persons/export and its job). */
@Injectable()
export class PersonsExport implements OnModuleInit {
  constructor(
    private readonly exports: ExportsService,
    private readonly persons: PersonsService,
  ) {}

  onModuleInit(): void {
    this.exports.register({
      resource: 'persons',
      spec: PERSON_LIST,
      rows: (ctx, query) => this.persons.exportRows(ctx, query),
    });
  }
}
