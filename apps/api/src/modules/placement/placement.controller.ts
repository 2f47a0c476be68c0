import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthedContext } from '../../common/auth/actor';
import { Ctx, RequirePermission } from '../../common/auth/decorators';
import { parseListQuery, type RawListQuery } from '../../common/list/list-query';
import {
  AcceptBatchDto,
  CreateBatchDto,
  OverrideProposalDto,
  RecommendationQueryDto,
  UpdateWeightsDto,
} from './dto/placement.dto';
import { answerMove } from '../transfers/move-outcome';
import { PlacementBatchesService } from './placement-batches.service';
import { BATCH_LIST, PROPOSAL_LIST } from './placement-lists';
import { PlacementService } from './placement.service';

@ApiTags('placement')
@ApiBearerAuth()
@Controller('placement')
export class PlacementController {
  constructor(
    private readonly placement: PlacementService,
    private readonly batches: PlacementBatchesService,
  ) {}

  @Get('recommendations')
  @RequirePermission('placement', 'show')
  recommendations(@Ctx() ctx: AuthedContext, @Query() query: RecommendationQueryDto) {
    return this.placement.recommend(ctx, query);
  }

  @Get('weights')
  @RequirePermission('placement-weights', 'list')
  weights() {
    return this.placement.listWeights();
  }

  @Put('weights')
  @RequirePermission('placement-weights', 'edit')
  updateWeights(@Ctx() ctx: AuthedContext, @Body() dto: UpdateWeightsDto) {
    return this.placement.updateWeights(ctx, dto);
  }

  @Post('batches')
  @HttpCode(202)
  @RequirePermission('placement', 'create')
  createBatch(@Ctx() ctx: AuthedContext, @Body() dto: CreateBatchDto) {
    return this.batches.create(ctx, dto);
  }

  @Get('batches')
  @RequirePermission('placement', 'list')
  listBatches(@Query() query: RawListQuery) {
    return this.batches.list(parseListQuery(query, BATCH_LIST));
  }

  @Get('batches/:id')
  @RequirePermission('placement', 'show')
  getBatch(@Param('id', ParseIntPipe) id: number) {
    return this.batches.getWithRun(id);
  }

  @Get('batches/:id/proposals')
  @RequirePermission('placement', 'list')
  proposals(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number, @Query() query: RawListQuery) {
    return this.batches.proposals(ctx, id, parseListQuery(query, PROPOSAL_LIST));
  }

  /** Answers the changed proposal, or 202 with the transfer request asked of the other region. */
  @Post('batches/:id/proposals/:proposalId/override')
  @HttpCode(200)
  @RequirePermission('placement', 'edit')
  async override(
    @Ctx() ctx: AuthedContext,
    @Param('id', ParseIntPipe) id: number,
    @Param('proposalId', ParseIntPipe) proposalId: number,
    @Body() dto: OverrideProposalDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answerMove(reply, await this.batches.override(ctx, id, proposalId, dto));
  }

  @Post('batches/:id/accept')
  @HttpCode(200)
  @RequirePermission('placement', 'edit')
  accept(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number, @Body() dto: AcceptBatchDto) {
    return this.batches.accept(ctx, id, dto);
  }
}
