import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  EMPLOYMENT_ROUTES,
  EMPLOYMENT_STATUSES,
  type EmploymentRoute,
  type EmploymentStatus,
  HOUSING,
  type Housing,
  LANGUAGE_LEVELS,
  type LanguageLevel,
  SCHOOLING_STATES,
  type SchoolingState,
} from '@qonys/domain';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsString, Length, Min, ValidateIf } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const present = (_: object, value: unknown) => value !== null && value !== undefined && value !== '';

/** POST /follow-ups/:id/record: what the family's situation is at the follow-up. */
export class RecordFollowUpDto {
  @ApiProperty({ enum: EMPLOYMENT_STATUSES })
  @IsIn(EMPLOYMENT_STATUSES)
  employment: EmploymentStatus;

  @ApiPropertyOptional({ enum: EMPLOYMENT_ROUTES, nullable: true, description: 'How the work was found' })
  @ValidateIf(present)
  @IsIn(EMPLOYMENT_ROUTES)
  employmentRoute?: EmploymentRoute | null;

  @ApiProperty({ enum: LANGUAGE_LEVELS, description: 'Kazakh language level (CEFR)' })
  @IsIn(LANGUAGE_LEVELS)
  languageLevel: LanguageLevel;

  @ApiProperty({ enum: SCHOOLING_STATES })
  @IsIn(SCHOOLING_STATES)
  schooling: SchoolingState;

  @ApiProperty({ enum: HOUSING })
  @IsIn(HOUSING)
  housing: Housing;

  @ApiPropertyOptional({ nullable: true })
  @Transform(trim)
  @ValidateIf(present)
  @IsString()
  @Length(1, 2000)
  note?: string | null;

  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;
}
