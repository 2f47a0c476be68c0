import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthedContext } from '../../common/auth/actor';
import { Ctx, RequirePermission } from '../../common/auth/decorators';
import { parseListQuery, type RawListQuery } from '../../common/list/list-query';
import { ResolveRecoveryDto } from './dto/recovery.dto';
import { RECOVERY_LIST } from './support-recoveries.repository';
import { SupportRecoveriesService } from './support-recoveries.service';

@ApiTags('support-recoveries')
@ApiBearerAuth()
@Controller('support-recoveries')
export class SupportRecoveriesController {
  constructor(private readonly recoveries: SupportRecoveriesService) {}

  @Get()
  @RequirePermission('support-recoveries', 'list')
  list(@Ctx() ctx: AuthedContext, @Query() query: RawListQuery) {
    return this.recoveries.list(ctx, parseListQuery(query, RECOVERY_LIST));
  }

  @Get(':id')
  @RequirePermission('support-recoveries', 'show')
  get(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number) {
    return this.recoveries.get(ctx, id);
  }

  /** The support came back, or it is waived. */
  @Post(':id/resolve')
  @HttpCode(200)
  @RequirePermission('support-recoveries', 'edit')
  resolve(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number, @Body() dto: ResolveRecoveryDto) {
    return this.recoveries.resolve(ctx, id, dto);
  }
}
