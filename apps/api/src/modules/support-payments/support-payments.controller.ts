import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthedContext } from '../../common/auth/actor';
import { Ctx, RequirePermission } from '../../common/auth/decorators';
import { CalculateEntitlementDto } from './dto/calculate.dto';
import { SupportPaymentsService } from './support-payments.service';

@ApiTags('support-payments')
@ApiBearerAuth()
@Controller('support-payments')
export class SupportPaymentsController {
  constructor(private readonly payments: SupportPaymentsService) {}

  /** What a family is entitled to on a date, under the rule then in force. */
  @Get('calculate')
  @RequirePermission('support-payments', 'show')
  calculate(@Ctx() ctx: AuthedContext, @Query() query: CalculateEntitlementDto) {
    return this.payments.calculate(ctx, query);
  }
}
