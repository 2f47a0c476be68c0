import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PAYMENT_CANCEL_REASONS, type PaymentCancelReason } from '@qonys/domain';
import { IsIn, IsInt, IsOptional, Min } from 'class-validator';
import { CalculateEntitlementDto } from './calculate.dto';

/** POST /api/support-payments: the calculation's input, stored with its result as a draft. */
export class CreatePaymentDto extends CalculateEntitlementDto {}

/** A change at the version the caller saw. */
export class PaymentVersionDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;
}

/** POST /api/support-payments/:id/cancel. */
export class CancelPaymentDto extends PaymentVersionDto {
  @ApiProperty({ enum: PAYMENT_CANCEL_REASONS })
  @IsIn(PAYMENT_CANCEL_REASONS)
  reason: PaymentCancelReason;
}

export const REGISTER_FORMATS = ['csv', 'xlsx'] as const;
export type RegisterFormat = (typeof REGISTER_FORMATS)[number];

export class RegisterQueryDto {
  @ApiPropertyOptional({ enum: REGISTER_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(REGISTER_FORMATS)
  format?: RegisterFormat;
}
