import { QUOTA_CATEGORIES, QUOTA_UNITS, type QuotaCategory, type QuotaUnit } from '@qonys/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Max, Min, NotEquals } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const MAX_CAPACITY = 1_000_000;

/** POST /quotas: a new quota, with its initial ledger entry. */
export class CreateQuotaDto {
  @ApiProperty({ example: 2027 })
  @IsInt()
  @Min(1990)
  @Max(2200)
  year: number;

  @ApiProperty()
  @IsInt()
  @Min(1)
  regionId: number;

  @ApiProperty({ enum: QUOTA_CATEGORIES })
  @IsIn(QUOTA_CATEGORIES)
  category: QuotaCategory;

  @ApiPropertyOptional({ enum: QUOTA_UNITS, default: 'persons' })
  @IsOptional()
  @IsIn(QUOTA_UNITS)
  unit?: QuotaUnit;

  @ApiProperty()
  @IsInt()
  @Min(0)
  @Max(MAX_CAPACITY)
  capacity: number;

  @ApiProperty({ description: 'The act that set the quota' })
  @Transform(trim)
  @IsString()
  @Length(1, 500)
  legalAct: string;

  @ApiPropertyOptional({ description: 'Date of the act (YYYY-MM-DD); default today' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'validation.is_date' })
  @Length(10, 10, { message: 'validation.is_date' })
  entryDate?: string;
}

/** POST /quotas/:id/ledger: a change of capacity during the year, with its act and reason. */
export class CapacityChangeDto {
  @ApiProperty({ example: '2024-08-24' })
  @IsISO8601({ strict: true }, { message: 'validation.is_date' })
  @Length(10, 10, { message: 'validation.is_date' })
  entryDate: string;

  @ApiProperty({ description: 'Signed change of capacity, never 0', example: 600 })
  @IsInt()
  @NotEquals(0)
  @Min(-MAX_CAPACITY)
  @Max(MAX_CAPACITY)
  capacityDelta: number;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(1, 500)
  legalAct: string;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(1, 2000)
  reason: string;

  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;
}
