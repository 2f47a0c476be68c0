import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthedContext } from '../../common/auth/actor';
import { Ctx, RequirePermission } from '../../common/auth/decorators';
import { parseListQuery, type RawListQuery } from '../../common/list/list-query';
import { CalculateEntitlementDto } from './dto/calculate.dto';
import { CancelPaymentDto, CreatePaymentDto, PaymentVersionDto } from './dto/payment.dto';
import { PAYMENT_LIST } from './support-payments.repository';
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

  @Get()
  @RequirePermission('support-payments', 'list')
  list(@Ctx() ctx: AuthedContext, @Query() query: RawListQuery) {
    return this.payments.list(ctx, parseListQuery(query, PAYMENT_LIST));
  }

  /** The calculation stored as a draft in its region's batch of the month. */
  @Post()
  @RequirePermission('support-payments', 'create')
  create(@Ctx() ctx: AuthedContext, @Body() dto: CreatePaymentDto) {
    return this.payments.create(ctx, dto);
  }

  @Get(':id')
  @RequirePermission('support-payments', 'show')
  get(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number) {
    return this.payments.get(ctx, id);
  }

  /** Four-eyes: approved by someone other than who prepared it. */
  @Post(':id/approve')
  @HttpCode(200)
  @RequirePermission('support-payments', 'edit')
  approve(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number, @Body() dto: PaymentVersionDto) {
    return this.payments.approve(ctx, id, dto.version);
  }

  /** A payment not yet sent, cancelled with its reason. */
  @Post(':id/cancel')
  @HttpCode(200)
  @RequirePermission('support-payments', 'edit')
  cancel(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number, @Body() dto: CancelPaymentDto) {
    return this.payments.cancel(ctx, id, dto);
  }
}
