import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PROVIDER_KINDS, type ProviderKind } from '@qonys/domain';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { NestedList } from '../../../common/input/nested-list';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const present = (_: object, value: unknown) => value !== null && value !== undefined && value !== '';
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** One service a provider offers, with its places per month. */
export class ProviderServiceDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  serviceTypeId: number;

  @ApiProperty({ example: 20, description: 'Places (seats, beds) per month' })
  @IsInt()
  @Min(0)
  @Max(100_000)
  placesPerMonth: number;
}

export class ServiceProviderDto {
  @ApiProperty({ description: 'A regional official’s own region; admins choose' })
  @IsInt()
  @Min(1)
  regionId: number;

  @ApiProperty({ enum: PROVIDER_KINDS })
  @IsIn(PROVIDER_KINDS)
  kind: ProviderKind;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(1, 300)
  name: string;

  @ApiPropertyOptional({ nullable: true })
  @Transform(trim)
  @ValidateIf(present)
  @IsString()
  @Length(1, 500)
  address?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '+7 718 255 00 00' })
  @Transform(trim)
  @ValidateIf(present)
  @Matches(/^\+?[0-9 ()-]{5,30}$/, { message: 'validation.phone' })
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @Transform(trim)
  @ValidateIf(present)
  @IsEmail()
  email?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '2026-01-01' })
  @ValidateIf(present)
  @Matches(ISO_DATE, { message: 'validation.is_date' })
  @IsISO8601({ strict: true }, { message: 'validation.day_exists' })
  validFrom?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '2026-12-31' })
  @ValidateIf(present)
  @Matches(ISO_DATE, { message: 'validation.is_date' })
  @IsISO8601({ strict: true }, { message: 'validation.day_exists' })
  validTo?: string | null;

  @ApiProperty({ type: [ProviderServiceDto] })
  @NestedList(() => ProviderServiceDto)
  @ArrayMaxSize(50)
  services: ProviderServiceDto[];
}

export class UpdateServiceProviderDto extends ServiceProviderDto {
  @ApiProperty() @IsInt() @Min(1) version: number;
}
