import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PLACEMENT_WEIGHT_KEYS, type PlacementWeightKey, QUOTA_CATEGORIES, type QuotaCategory } from '@qonys/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { NestedList } from '../../../common/input/nested-list';
import { TransferAskFields } from '../../transfers/dto/transfer-request.dto';

export class RecommendationQueryDto {
  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  applicationId: number;

  @ApiPropertyOptional({ description: 'Defaults to the open inclusion request’s year, else the current year' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1990)
  @Max(2200)
  year?: number;

  @ApiPropertyOptional({ enum: QUOTA_CATEGORIES })
  @IsOptional()
  @IsIn(QUOTA_CATEGORIES)
  category?: QuotaCategory;
}

export class CreateBatchDto {
  @ApiProperty()
  @IsInt()
  @Min(1990)
  @Max(2200)
  year: number;

  @ApiProperty({ enum: QUOTA_CATEGORIES })
  @IsIn(QUOTA_CATEGORIES)
  category: QuotaCategory;
}

export class OverrideProposalDto extends TransferAskFields {
  @ApiProperty()
  @IsInt()
  @Min(1)
  regionId: number;

  @ApiProperty({ description: 'Why the family goes elsewhere than proposed; required' })
  @IsString({ message: 'placement.override_needs_reason' })
  @Matches(/\S/, { message: 'placement.override_needs_reason' })
  @MaxLength(2000)
  reason: string;
}

export class AcceptBatchDto {
  @ApiPropertyOptional({ description: 'Accept only this region (an official: their own, the default)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  regionId?: number;
}

export class WeightDto {
  @ApiProperty({ enum: PLACEMENT_WEIGHT_KEYS })
  @IsIn(PLACEMENT_WEIGHT_KEYS)
  key: PlacementWeightKey;

  @ApiProperty()
  @IsNumber({ maxDecimalPlaces: 4 })
  @Min(0)
  @Max(100)
  weight: number;

  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;
}

export class UpdateWeightsDto {
  @ApiProperty({ type: [WeightDto] })
  @NestedList(() => WeightDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  weights: WeightDto[];
}
