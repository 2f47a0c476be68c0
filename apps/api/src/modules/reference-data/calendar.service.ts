import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { addWorkingDays, type HolidayRule } from '@qonys/domain';
import type { DataSource } from 'typeorm';
import { Holiday } from './entities/holiday.entity';

/** Kazakhstan working-day arithmetic over the holiday table: what every deadline uses. */
@Injectable()
export class CalendarService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async holidayRules(): Promise<HolidayRule[]> {
    const rows = await this.dataSource.getRepository(Holiday).find();
    return rows.map((h): HolidayRule => {
      switch (h.kind) {
        case 'fixed':
          return {
            kind: 'fixed',
            month: h.month!,
            day: h.day!,
            movesIfWeekend: h.movesIfWeekend,
            validFrom: h.validFrom,
            validTo: h.validTo,
          };
        case 'dated':
          return { kind: 'dated', date: h.date!, movesIfWeekend: h.movesIfWeekend };
        case 'working_day':
          return { kind: 'working_day', date: h.date! };
      }
    });
  }

  async addWorkingDays(from: string, days: number): Promise<string> {
    return addWorkingDays(from, days, await this.holidayRules());
  }
}
