import { TRANSFER_REASONS, type TransferReason } from '@qonys/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Matches, MaxLength, Min } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const DATE = { message: 'validation.is_date' };

/**
 * What a move into another region carries besides the region and the reason: why (a
 * code, required when it becomes a transfer request) and the family's consent, required
 * when the region is not among their preferences (docs/transfers.md).
 */
export class TransferAskFields {
  @ApiPropertyOptional({ enum: TRANSFER_REASONS, description: 'Required when the move becomes a transfer request' })
  @IsOptional()
  @IsIn(TRANSFER_REASONS)
  reasonCode?: TransferReason;

  @ApiPropertyOptional({
    example: '2026-05-04',
    description: 'When the family consented to a region they did not choose',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, DATE)
  @Length(10, 10, DATE)
  consentDate?: string;

  @ApiPropertyOptional({ description: 'The document recording that consent (its number or title)' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  consentDocument?: string;
}

/** Accept or withdraw a transfer request, at the version the caller saw. */
export class TransferVersionDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;
}

export class DeclineTransferDto extends TransferVersionDto {
  @ApiProperty({ description: 'Why the receiving region declines; required' })
  @IsString({ message: 'transfer.decline_needs_reason' })
  @Matches(/\S/, { message: 'transfer.decline_needs_reason' })
  @MaxLength(2000)
  reason: string;
}
