import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthedContext } from '../../common/auth/actor';
import { Ctx, RequirePermission } from '../../common/auth/decorators';
import { parseListQuery, type RawListQuery } from '../../common/list/list-query';
import { PLAN_LIST } from './adaptation-plans.repository';
import { AdaptationPlansService } from './adaptation-plans.service';
import { AddPlanItemDto, StartPlanDto } from './dto/adaptation-plan.dto';
import { RecordFollowUpDto } from './dto/follow-up.dto';
import { CreateReferralDto, ReferralTransitionDto } from './dto/referral.dto';
import { FOLLOW_UP_LIST } from './follow-ups.repository';
import { FollowUpsService } from './follow-ups.service';
import { ServiceProviderDto, UpdateServiceProviderDto } from './dto/service-provider.dto';
import { REFERRAL_LIST } from './referrals.repository';
import { ReferralsService } from './referrals.service';
import { PROVIDER_LIST } from './service-providers.repository';
import { ServiceProvidersService } from './service-providers.service';

@ApiTags('service-providers')
@ApiBearerAuth()
@Controller('service-providers')
export class ServiceProvidersController {
  constructor(private readonly providers: ServiceProvidersService) {}

  @Get()
  @RequirePermission('service-providers', 'list')
  list(@Ctx() ctx: AuthedContext, @Query() query: RawListQuery) {
    return this.providers.list(ctx, parseListQuery(query, PROVIDER_LIST));
  }

  @Get(':id')
  @RequirePermission('service-providers', 'show')
  get(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number) {
    return this.providers.get(ctx, id);
  }

  @Post()
  @RequirePermission('service-providers', 'create')
  create(@Ctx() ctx: AuthedContext, @Body() dto: ServiceProviderDto) {
    return this.providers.create(ctx, dto);
  }

  @Put(':id')
  @RequirePermission('service-providers', 'edit')
  update(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number, @Body() dto: UpdateServiceProviderDto) {
    return this.providers.update(ctx, id, dto);
  }
}

@ApiTags('adaptation-plans')
@ApiBearerAuth()
@Controller('adaptation-plans')
export class AdaptationPlansController {
  constructor(private readonly plans: AdaptationPlansService) {}

  @Get()
  @RequirePermission('adaptation-plans', 'list')
  list(@Ctx() ctx: AuthedContext, @Query() query: RawListQuery) {
    return this.plans.list(ctx, parseListQuery(query, PLAN_LIST));
  }

  @Get(':id')
  @RequirePermission('adaptation-plans', 'show')
  get(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number) {
    return this.plans.get(ctx, id);
  }

  /** Starts the plan of an included family from the services chosen at inclusion. */
  @Post()
  @RequirePermission('adaptation-plans', 'create')
  start(@Ctx() ctx: AuthedContext, @Body() dto: StartPlanDto) {
    return this.plans.start(ctx, dto);
  }

  @Post(':id/items')
  @RequirePermission('adaptation-plans', 'edit')
  addItem(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number, @Body() dto: AddPlanItemDto) {
    return this.plans.addItem(ctx, id, dto);
  }
}

@ApiTags('referrals')
@ApiBearerAuth()
@Controller('referrals')
export class ReferralsController {
  constructor(private readonly referrals: ReferralsService) {}

  @Get()
  @RequirePermission('referrals', 'list')
  list(@Ctx() ctx: AuthedContext, @Query() query: RawListQuery) {
    return this.referrals.list(ctx, parseListQuery(query, REFERRAL_LIST));
  }

  @Get(':id')
  @RequirePermission('referrals', 'show')
  get(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number) {
    return this.referrals.get(ctx, id);
  }

  @Post()
  @RequirePermission('referrals', 'create')
  create(@Ctx() ctx: AuthedContext, @Body() dto: CreateReferralDto) {
    return this.referrals.create(ctx, dto);
  }

  /** accept | reject | enrol | complete | cancel (libs/domain referral-workflow.ts). */
  @Post(':id/transitions')
  @HttpCode(200)
  @RequirePermission('referrals', 'edit')
  transition(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number, @Body() dto: ReferralTransitionDto) {
    return this.referrals.transition(ctx, id, dto);
  }
}

@ApiTags('follow-ups')
@ApiBearerAuth()
@Controller('follow-ups')
export class FollowUpsController {
  constructor(private readonly followUps: FollowUpsService) {}

  @Get()
  @RequirePermission('follow-ups', 'list')
  list(@Ctx() ctx: AuthedContext, @Query() query: RawListQuery) {
    return this.followUps.list(ctx, parseListQuery(query, FOLLOW_UP_LIST));
  }

  @Get(':id')
  @RequirePermission('follow-ups', 'show')
  get(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number) {
    return this.followUps.get(ctx, id);
  }

  /** The family's situation at the follow-up: employment and how, Kazakh, schooling, housing. */
  @Post(':id/record')
  @HttpCode(200)
  @RequirePermission('follow-ups', 'edit')
  record(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number, @Body() dto: RecordFollowUpDto) {
    return this.followUps.record(ctx, id, dto);
  }
}
