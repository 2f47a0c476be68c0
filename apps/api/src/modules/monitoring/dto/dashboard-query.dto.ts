import { ApiPropertyOptional } from '@nestjs/swagger';
import { isCountryCode } from '@qonys/domain';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min, ValidateBy } from 'class-validator';

/** GET /api/monitoring/dashboard: the filters; the year defaults to this year in Kazakhstan. */
export class DashboardQueryDto {
  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1990)
  @Max(2200)
  year?: number;

  @ApiPropertyOptional({ description: 'National roles only; a region-scoped caller always gets their own region' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  regionId?: number;

  @ApiPropertyOptional({ example: 'CN', description: 'Country of origin of the case’s applicant (ISO 3166-1 alpha-2)' })
  @IsOptional()
  @ValidateBy({ name: 'isCountryCode', validator: { validate: isCountryCode } })
  origin?: string;
}
