import { Body, Controller, Get, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthedContext } from '../../common/auth/actor';
import { Ctx, RequirePermission } from '../../common/auth/decorators';
import { parseListQuery, type RawListQuery } from '../../common/list/list-query';
import { CapacityChangeDto, CreateQuotaDto } from './dto/quota.dto';
import { LEDGER_LIST, QUOTA_LIST } from './quotas.repository';
import { QuotasService } from './quotas.service';

@ApiTags('quotas')
@ApiBearerAuth()
@Controller('quotas')
export class QuotasController {
  constructor(private readonly quotas: QuotasService) {}

  @Get()
  @RequirePermission('quotas', 'list')
  list(@Query() query: RawListQuery) {
    return this.quotas.list(parseListQuery(query, QUOTA_LIST));
  }

  @Post()
  @RequirePermission('quotas', 'create')
  create(@Ctx() ctx: AuthedContext, @Body() dto: CreateQuotaDto) {
    return this.quotas.create(ctx, dto);
  }

  @Get(':id')
  @RequirePermission('quotas', 'show')
  get(@Param('id', ParseIntPipe) id: number) {
    return this.quotas.get(id);
  }

  @Get(':id/ledger')
  @RequirePermission('quotas', 'show')
  ledger(@Param('id', ParseIntPipe) id: number, @Query() query: RawListQuery) {
    return this.quotas.ledger(id, parseListQuery(query, LEDGER_LIST));
  }

  @Post(':id/ledger')
  @RequirePermission('quotas', 'edit')
  changeCapacity(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number, @Body() dto: CapacityChangeDto) {
    return this.quotas.changeCapacity(ctx, id, dto);
  }
}
