import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches, MaxLength, MinLength } from 'class-validator';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../../common/security/password';

/** Documents the login body; passport-local reads it (see LocalStrategy). */
export class LoginDto {
  @ApiProperty({ example: 'caseworker.pavlodar' })
  @IsString()
  @MaxLength(64)
  username: string;

  @ApiProperty()
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password: string;

  @ApiPropertyOptional({ description: 'A 6-digit TOTP code or a recovery code' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  otp?: string;

  @ApiPropertyOptional({ description: 'The deviceToken of an earlier login from this device (docs/accounts.md)' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  deviceToken?: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @Length(10, 200)
  refreshToken: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  currentPassword: string;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(MAX_PASSWORD_LENGTH)
  newPassword: string;
}

/** The password again, before one's own second factor changes. */
export class PasswordDto {
  @ApiProperty()
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password: string;
}

export class EnableMfaDto extends PasswordDto {
  @ApiProperty({ example: '123456' })
  @IsString()
  @Matches(/^\d{6}$/, { message: 'validation.otp' })
  otp: string;
}
