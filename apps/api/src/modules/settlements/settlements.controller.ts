import { Body, Controller, Get, Headers, HttpCode, Param, ParseIntPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { exportResponse } from '../exports/export-response';
import { ExportsService, type RawExportQuery } from '../exports/exports.service';
import type { AuthedContext } from '../../common/auth/actor';
import { Ctx, RequirePermission } from '../../common/auth/decorators';
import { parseListQuery, type RawListQuery } from '../../common/list/list-query';
import { ArrivalDto, CreateSettlementDto, DepartureDto, MoveSettlementDto, UpdateSettlementDto } from './dto/settlement.dto';
import { SETTLEMENT_LIST } from './settlements.repository';
import { answerMove } from '../transfers/move-outcome';
import { SettlementsService } from './settlements.service';

@ApiTags('settlements')
@ApiBearerAuth()
@Controller('settlements')
export class SettlementsController {
  constructor(
    private readonly settlements: SettlementsService,
    private readonly exports: ExportsService,
  ) {}

  @Get()
  @RequirePermission('settlements', 'list')
  list(@Ctx() ctx: AuthedContext, @Query() query: RawListQuery) {
    return this.settlements.list(ctx, parseListQuery(query, SETTLEMENT_LIST));
  }

  /** The whole list (its filters and sort) as CSV or XLSX; a large one answers 202 and runs as a job. */
  @Get('export')
  @RequirePermission('settlements', 'export')
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async export(
    @Ctx() ctx: AuthedContext,
    @Query() query: RawExportQuery,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return exportResponse(reply, await this.exports.start(ctx, 'settlements', query, acceptLanguage));
  }

  @Post()
  @RequirePermission('settlements', 'create')
  create(@Ctx() ctx: AuthedContext, @Body() dto: CreateSettlementDto) {
    return this.settlements.create(ctx, dto.reservationId);
  }

  @Get(':id')
  @RequirePermission('settlements', 'show')
  get(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number) {
    return this.settlements.get(ctx, id);
  }

  @Put(':id')
  @RequirePermission('settlements', 'edit')
  update(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number, @Body() dto: UpdateSettlementDto) {
    return this.settlements.update(ctx, id, dto);
  }

  @Post(':id/arrival')
  @HttpCode(200)
  @RequirePermission('settlements', 'edit')
  arrival(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number, @Body() dto: ArrivalDto) {
    return this.settlements.arrival(ctx, id, dto);
  }

  /** The family left its settlement region (docs/support-payments.md, Residence obligation). */
  @Post(':id/departure')
  @HttpCode(200)
  @RequirePermission('settlements', 'edit')
  departure(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number, @Body() dto: DepartureDto) {
    return this.settlements.departure(ctx, id, dto);
  }

  /** Answers the new settlement (the old one is cancelled), or 202 with the transfer request asked of the other region. */
  @Post(':id/move')
  @HttpCode(200)
  @RequirePermission('settlements', 'edit')
  async move(
    @Ctx() ctx: AuthedContext,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: MoveSettlementDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answerMove(reply, await this.settlements.move(ctx, id, dto));
  }
}
