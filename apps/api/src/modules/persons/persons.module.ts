import { Module } from '@nestjs/common';
import { ExportsModule } from '../exports/exports.module';
import { PersonDuplicatesService } from './person-duplicates.service';
import { PersonErasureService } from './person-erasure.service';
import { PersonMergeService } from './person-merge.service';
import { PersonsController } from './persons.controller';
import { PersonsRepository } from './persons.repository';
import { PersonsExport } from './persons.export';
import { PersonsService } from './persons.service';

/** Applicants and family members: registration, search in any script, duplicates and merging. */
@Module({
  imports: [ExportsModule],
  controllers: [PersonsController],
  providers: [
    PersonsService,
    PersonDuplicatesService,
    PersonMergeService,
    PersonErasureService,
    PersonsRepository,
    PersonsExport,
  ],
  exports: [PersonsRepository, PersonErasureService],
})
export class PersonsModule {}
