import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type Role, ROLES } from '@qonys/domain';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, Length, Matches, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../../common/security/password';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class PasswordDto {
  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(MAX_PASSWORD_LENGTH)
  password: string;
}

export class CreateUserDto extends PasswordDto {
  @ApiProperty({ example: 'caseworker.pavlodar' })
  @Transform(trim)
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9._-]{2,63}$/, {
    message: 'validation.username',
  })
  username: string;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  fullName: string;

  @ApiPropertyOptional({ nullable: true })
  @Transform(trim)
  @IsOptional()
  @IsEmail()
  email?: string | null;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ nullable: true, description: 'Required for caseworkers and regional officials' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsInt()
  @Min(1)
  regionId?: number | null;

  @ApiPropertyOptional({ nullable: true, description: 'Required for provider staff: the provider they work at' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsInt()
  @Min(1)
  providerId?: number | null;
}

/** PUT /users/:id: the editable fields and the version the edit was based on. */
export class UpdateUserDto {
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  fullName: string;

  @ApiPropertyOptional({ nullable: true })
  @Transform(trim)
  @ValidateIf((_, value) => value !== null && value !== undefined && value !== '')
  @IsEmail()
  email?: string | null;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsInt()
  @Min(1)
  regionId?: number | null;

  @ApiPropertyOptional({ nullable: true, description: 'Required for provider staff: the provider they work at' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsInt()
  @Min(1)
  providerId?: number | null;

  @ApiProperty()
  @IsBoolean()
  disabled: boolean;

  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;
}
