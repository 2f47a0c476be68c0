import { Module } from '@nestjs/common';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';
import { referenceDataController } from './reference-data.controller';
import { ReferenceDataService } from './reference-data.service';
import { DEADLINES, HOLIDAYS, MCI_RATES, REGIONS } from './reference-resources';

/** Regions, MCI rates, holidays and statutory deadlines, and the working-day calendar. */
@Module({
  controllers: [
    referenceDataController(REGIONS),
    referenceDataController(MCI_RATES),
    referenceDataController(HOLIDAYS),
    referenceDataController(DEADLINES),
    CalendarController,
  ],
  providers: [ReferenceDataService, CalendarService],
  exports: [CalendarService],
})
export class ReferenceDataModule {}
