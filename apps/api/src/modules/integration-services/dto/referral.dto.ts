import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REFERRAL_ACTIONS, REFERRAL_OUTCOMES, type ReferralAction, type ReferralOutcome } from '@qonys/domain';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsString, Length, Matches, Min, ValidateIf } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const present = (_: object, value: unknown) => value !== null && value !== undefined && value !== '';

/** POST /referrals: a plan item sent to a provider for a month. */
export class CreateReferralDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  planItemId: number;

  @ApiProperty()
  @IsInt()
  @Min(1)
  providerId: number;

  @ApiProperty({ example: '2026-12', description: 'The month the service is wanted in' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'validation.is_month' })
  period: string;

  @ApiProperty({ description: 'The family agreed that the provider may see who they are and how to reach them' })
  @IsBoolean()
  consentToShare: boolean;

  @ApiPropertyOptional({ nullable: true, description: 'For the provider' })
  @Transform(trim)
  @ValidateIf(present)
  @IsString()
  @Length(1, 1000)
  note?: string | null;
}

/**
 * POST /referrals/:id/transitions. `reason` is a code of the action's list: why a
 * provider rejects, why a service did not succeed, why the referring side cancels.
 */
export class ReferralTransitionDto {
  @ApiProperty({ enum: REFERRAL_ACTIONS })
  @IsIn(REFERRAL_ACTIONS)
  action: ReferralAction;

  @ApiPropertyOptional({ description: 'The version the step was based on; a stale one is refused' })
  @ValidateIf(present)
  @IsInt()
  @Min(1)
  version?: number;

  @ApiPropertyOptional({
    description:
      'reject: REFERRAL_REJECT_REASONS; complete (not successful): REFERRAL_FAILURE_REASONS; cancel: REFERRAL_CANCEL_REASONS',
  })
  @ValidateIf(present)
  @IsString()
  @Length(1, 64)
  reason?: string;

  @ApiPropertyOptional({ enum: REFERRAL_OUTCOMES, description: 'complete: how the service ended' })
  @ValidateIf(present)
  @IsIn(REFERRAL_OUTCOMES)
  outcome?: ReferralOutcome;

  @ApiPropertyOptional({ nullable: true, description: 'The provider’s notes' })
  @Transform(trim)
  @ValidateIf(present)
  @IsString()
  @Length(1, 2000)
  providerNotes?: string | null;
}
