import { Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthedContext } from '../../common/auth/actor';
import { Ctx, RequirePermission } from '../../common/auth/decorators';
import { parseListQuery, type RawListQuery } from '../../common/list/list-query';
import { NOTIFICATION_LIST } from './notifications.repository';
import { NotificationsService } from './notifications.service';

/** The caller's own notifications; every staff role, nobody else's (docs/notifications.md). */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @RequirePermission('notifications', 'list')
  list(@Ctx() ctx: AuthedContext, @Query() query: RawListQuery) {
    return this.notifications.list(ctx, parseListQuery(query, NOTIFICATION_LIST));
  }

  /** The bell: `{ unread, byKind }`. */
  @Get('counts')
  @RequirePermission('notifications', 'list')
  counts(@Ctx() ctx: AuthedContext) {
    return this.notifications.counts(ctx);
  }

  @Post('read-all')
  @HttpCode(200)
  @RequirePermission('notifications', 'edit')
  markAllRead(@Ctx() ctx: AuthedContext) {
    return this.notifications.markAllRead(ctx);
  }

  @Post(':id/read')
  @HttpCode(200)
  @RequirePermission('notifications', 'edit')
  markRead(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number) {
    return this.notifications.markRead(ctx, id);
  }
}
