import { ApiProperty } from '@nestjs/swagger';
import { SUPPORT_RECOVERY_OUTCOMES, type SupportRecoveryOutcome } from '@qonys/domain';
import { IsIn } from 'class-validator';
import { PaymentVersionDto } from './payment.dto';

/** POST /api/support-recoveries/:id/resolve. */
export class ResolveRecoveryDto extends PaymentVersionDto {
  @ApiProperty({ enum: SUPPORT_RECOVERY_OUTCOMES })
  @IsIn(SUPPORT_RECOVERY_OUTCOMES)
  outcome: SupportRecoveryOutcome;
}
