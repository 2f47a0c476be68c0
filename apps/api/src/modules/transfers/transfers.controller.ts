import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthedContext } from '../../common/auth/actor';
import { Ctx, RequirePermission } from '../../common/auth/decorators';
import { parseListQuery, type RawListQuery } from '../../common/list/list-query';
import { DeclineTransferDto, TransferVersionDto } from './dto/transfer-request.dto';
import { TransferDecisionsService } from './transfer-decisions.service';
import { TRANSFER_LIST } from './transfer-requests.repository';
import { TransferRequestsService } from './transfer-requests.service';

/** Requests are raised by moving a settlement or overriding a batch line; here they are read and decided. */
@ApiTags('transfer-requests')
@ApiBearerAuth()
@Controller('transfer-requests')
export class TransfersController {
  constructor(
    private readonly requests: TransferRequestsService,
    private readonly decisions: TransferDecisionsService,
  ) {}

  @Get()
  @RequirePermission('transfer-requests', 'list')
  list(@Ctx() ctx: AuthedContext, @Query() query: RawListQuery) {
    return this.requests.list(ctx, parseListQuery(query, TRANSFER_LIST));
  }

  @Get(':id')
  @RequirePermission('transfer-requests', 'show')
  get(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number) {
    return this.requests.get(ctx, id);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @RequirePermission('transfer-requests', 'edit')
  accept(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number, @Body() dto: TransferVersionDto) {
    return this.decisions.accept(ctx, id, dto.version);
  }

  @Post(':id/decline')
  @HttpCode(200)
  @RequirePermission('transfer-requests', 'edit')
  decline(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number, @Body() dto: DeclineTransferDto) {
    return this.requests.decline(ctx, id, dto);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @RequirePermission('transfer-requests', 'edit')
  withdraw(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number, @Body() dto: TransferVersionDto) {
    return this.requests.withdraw(ctx, id, dto.version);
  }
}
