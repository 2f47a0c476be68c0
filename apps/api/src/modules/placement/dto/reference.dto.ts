import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

export class LabourDemandDto {
  @ApiProperty() @IsInt() @Min(1990) @Max(2200) year: number;
  @ApiProperty() @IsInt() @Min(1) regionId: number;
  @ApiProperty() @IsString() @Matches(/\S/, { message: 'validation.required' }) @MaxLength(200) occupation: string;
  @ApiProperty() @IsInt() @Min(0) @Max(1_000_000) vacancies: number;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(500) source: string;
}

export class UpdateLabourDemandDto extends LabourDemandDto {
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class RegionCapacityDto {
  @ApiProperty() @IsInt() @Min(1990) @Max(2200) year: number;
  @ApiProperty() @IsInt() @Min(1) regionId: number;
  @ApiProperty() @IsInt() @Min(0) @Max(1_000_000) housingUnits: number;
  @ApiProperty() @IsInt() @Min(0) @Max(1_000_000) adaptationCentrePlaces: number;
  @ApiPropertyOptional({ type: [String], description: 'ISO 639-1 codes; default kk, ru' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(/^[a-z]{2}$/, { each: true, message: 'validation.language_code' })
  languages?: string[];
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(500) source: string;
}

export class UpdateRegionCapacityDto extends RegionCapacityDto {
  @ApiProperty() @IsInt() @Min(1) version: number;
}
