import { ADAPTATION_SERVICES, type AdaptationService, QUOTA_CATEGORIES, type QuotaCategory } from '@qonys/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateInclusionRequestDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  applicationId: number;

  @ApiProperty({ example: 2026 })
  @IsInt()
  @Min(1990)
  @Max(2200)
  year: number;

  @ApiPropertyOptional({ enum: QUOTA_CATEGORIES, default: 'kandas' })
  @IsOptional()
  @IsIn(QUOTA_CATEGORIES)
  category?: QuotaCategory;

  @ApiProperty({ type: [Number], description: 'Settlement regions of the year, most wanted first' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  preferredRegionIds: number[];

  @ApiProperty({ description: 'The family consents to the placement: must be true' })
  @IsBoolean()
  consent: boolean;

  @ApiPropertyOptional({ type: [Number], description: 'Regions where relatives already live' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  relativesRegionIds?: number[];

  @ApiPropertyOptional({ enum: ADAPTATION_SERVICES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(ADAPTATION_SERVICES, { each: true })
  adaptationServices?: AdaptationService[];

  @ApiPropertyOptional({ nullable: true })
  @Transform(trim)
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  adaptationNotes?: string | null;
}

export class InclusionDecisionDto {
  @ApiProperty({ enum: ['include', 'refuse'] })
  @IsIn(['include', 'refuse'])
  decision: 'include' | 'refuse';

  @ApiPropertyOptional({ description: "The region whose quota takes the family; default the request's region" })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsInt()
  @Min(1)
  regionId?: number | null;

  @ApiPropertyOptional({ description: 'Required for a refusal' })
  @Transform(trim)
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;

  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;
}

export class WithdrawInclusionDto {
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
