import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, Matches, Max, Min } from 'class-validator';
import { RequirePermission } from '../../common/auth/decorators';
import { CalendarService } from './calendar.service';

export class AddWorkingDaysQuery {
  @ApiProperty({ example: '2026-03-20' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'from must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'from must be a day that exists' })
  from: string;

  @ApiProperty({ example: 3 })
  @Type(() => Number)
  @IsInt({ message: 'days must be a whole number' })
  @Min(0)
  @Max(3650)
  days: number;
}

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  /** The date N Kazakhstan working days after `from`, as every deadline counts it. */
  @Get('add-working-days')
  @RequirePermission('holidays', 'list')
  async addWorkingDays(@Query() query: AddWorkingDaysQuery): Promise<{ date: string }> {
    return { date: await this.calendar.addWorkingDays(query.from, query.days) };
  }
}
