import { Module } from '@nestjs/common';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';
import { referenceDataController } from './reference-data.controller';
import { ReferenceDataService } from './reference-data.service';
import {
  BENEFIT_RULES,
  DEADLINES,
  DOCUMENT_TYPES,
  HOLIDAYS,
  LEGAL_GROUNDS,
  MCI_RATES,
  MFA_POLICIES,
  REGIONS,
  RETENTION_RULES,
  SERVICE_TYPES,
} from './reference-resources';

/**
 * Regions, MCI rates, holidays, statutory deadlines, the document checklist and legal
 * grounds, the two-factor policy per role, retention rules, benefit rules, service types, and the working-day calendar.
 */
@Module({
  controllers: [
    referenceDataController(REGIONS),
    referenceDataController(MCI_RATES),
    referenceDataController(HOLIDAYS),
    referenceDataController(DEADLINES),
    referenceDataController(DOCUMENT_TYPES),
    referenceDataController(LEGAL_GROUNDS),
    referenceDataController(MFA_POLICIES),
    referenceDataController(RETENTION_RULES),
    referenceDataController(BENEFIT_RULES),
    referenceDataController(SERVICE_TYPES),
    CalendarController,
  ],
  providers: [ReferenceDataService, CalendarService],
  exports: [CalendarService],
})
export class ReferenceDataModule {}
