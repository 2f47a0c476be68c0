import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthedContext } from '../../common/auth/actor';
import { Ctx, RequirePermission } from '../../common/auth/decorators';
import { parseListQuery, type RawListQuery } from '../../common/list/list-query';
import { CreateInclusionRequestDto, InclusionDecisionDto, WithdrawInclusionDto } from './dto/inclusion-request.dto';
import { INCLUSION_LIST } from './inclusion.repository';
import { InclusionService } from './inclusion.service';

@ApiTags('inclusion-requests')
@ApiBearerAuth()
@Controller('inclusion-requests')
export class InclusionController {
  constructor(private readonly inclusion: InclusionService) {}

  @Get()
  @RequirePermission('inclusion-requests', 'list')
  list(@Ctx() ctx: AuthedContext, @Query() query: RawListQuery) {
    return this.inclusion.list(ctx, parseListQuery(query, INCLUSION_LIST));
  }

  @Post()
  @RequirePermission('inclusion-requests', 'create')
  create(@Ctx() ctx: AuthedContext, @Body() dto: CreateInclusionRequestDto) {
    return this.inclusion.create(ctx, dto);
  }

  @Get(':id')
  @RequirePermission('inclusion-requests', 'show')
  get(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number) {
    return this.inclusion.get(ctx, id);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @RequirePermission('inclusion-requests', 'edit')
  decide(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number, @Body() dto: InclusionDecisionDto) {
    return this.inclusion.decide(ctx, id, dto);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @RequirePermission('inclusion-requests', 'edit')
  withdraw(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number, @Body() dto: WithdrawInclusionDto) {
    return this.inclusion.withdraw(ctx, id, dto);
  }
}
