import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BENEFIT_KINDS, type BenefitKind } from '@qonys/domain';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, Matches, Max, Min } from 'class-validator';

/** GET /api/support-payments/calculate: what a family is entitled to on a date. */
export class CalculateEntitlementDto {
  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  applicationId: number;

  @ApiProperty({ enum: BENEFIT_KINDS })
  @IsIn(BENEFIT_KINDS)
  type: BenefitKind;

  @ApiProperty({ example: '2026-03-01', description: 'The event date: arrival, the month of rent, the purchase' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'validation.is_date' })
  @IsISO8601({ strict: true }, { message: 'validation.day_exists' })
  date: string;

  @ApiPropertyOptional({ description: 'rent: the monthly MCI within the rule’s range (default its minimum)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100_000)
  monthlyMci?: number;

  @ApiPropertyOptional({ description: 'housing as a share of the price: the price in tenge' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000_000_000)
  price?: number;
}
