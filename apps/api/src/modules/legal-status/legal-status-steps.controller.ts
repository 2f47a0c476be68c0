import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthedContext } from '../../common/auth/actor';
import { Ctx, RequirePermission } from '../../common/auth/decorators';
import { parseListQuery, type RawListQuery } from '../../common/list/list-query';
import { CreateLegalStatusStepDto, DecideLegalStatusStepDto } from './dto/legal-status-step.dto';
import { LEGAL_STEP_LIST } from './legal-status-steps.repository';
import { LegalStatusStepsService } from './legal-status-steps.service';

@ApiTags('legal-status-steps')
@ApiBearerAuth()
@Controller('legal-status-steps')
export class LegalStatusStepsController {
  constructor(private readonly steps: LegalStatusStepsService) {}

  @Get()
  @RequirePermission('legal-status-steps', 'list')
  list(@Ctx() ctx: AuthedContext, @Query() query: RawListQuery) {
    return this.steps.list(ctx, parseListQuery(query, LEGAL_STEP_LIST));
  }

  /** A member applied for permanent residence or citizenship. */
  @Post()
  @RequirePermission('legal-status-steps', 'create')
  create(@Ctx() ctx: AuthedContext, @Body() dto: CreateLegalStatusStepDto) {
    return this.steps.create(ctx, dto);
  }

  @Get(':id')
  @RequirePermission('legal-status-steps', 'show')
  get(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number) {
    return this.steps.get(ctx, id);
  }

  /** The authority's decision; citizenship for the last member closes the case. */
  @Post(':id/decision')
  @HttpCode(200)
  @RequirePermission('legal-status-steps', 'edit')
  decide(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number, @Body() dto: DecideLegalStatusStepDto) {
    return this.steps.decide(ctx, id, dto);
  }
}
