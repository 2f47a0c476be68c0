import { HOUSING, type Housing } from '@qonys/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, MaxLength, Min, ValidateIf } from 'class-validator';
import { TransferAskFields } from '../../transfers/dto/transfer-request.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const DATE = { message: 'validation.is_date' };
const present = (_: unknown, value: unknown) => value !== null && value !== undefined && value !== '';

/** POST /settlements: a settlement for a family holding a reservation without one (e.g. placed by a batch). */
export class CreateSettlementDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  reservationId: number;
}

/** PUT /settlements/:id: where and how the family lives. The region is not here: it is never edited. */
export class UpdateSettlementDto {
  @ApiPropertyOptional({ nullable: true })
  @Transform(trim)
  @ValidateIf(present)
  @IsString()
  @MaxLength(200)
  district?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @Transform(trim)
  @ValidateIf(present)
  @IsString()
  @MaxLength(200)
  locality?: string | null;

  @ApiPropertyOptional({ enum: HOUSING, nullable: true })
  @ValidateIf(present)
  @IsIn(HOUSING)
  housing?: Housing | null;

  @ApiPropertyOptional({ nullable: true, example: '2026-06-01' })
  @ValidateIf(present)
  @IsISO8601({ strict: true }, DATE)
  @Length(10, 10, DATE)
  plannedArrival?: string | null;

  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;
}

export class ArrivalDto {
  @ApiProperty({ example: '2026-06-03' })
  @IsISO8601({ strict: true }, DATE)
  @Length(10, 10, DATE)
  actualArrival: string;

  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;
}

/** POST /api/settlements/:id/departure: the family left its settlement region. */
export class DepartureDto {
  @ApiProperty({ example: '2027-04-01' })
  @IsISO8601({ strict: true }, DATE)
  @Length(10, 10, DATE)
  departedOn: string;

  @ApiPropertyOptional({ description: 'The region the family moved to, if known' })
  @IsOptional()
  @IsInt()
  @Min(1)
  toRegionId?: number;

  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;
}

export class MoveSettlementDto extends TransferAskFields {
  @ApiProperty({ description: 'The region whose quota takes the family instead' })
  @IsInt()
  @Min(1)
  regionId: number;

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
