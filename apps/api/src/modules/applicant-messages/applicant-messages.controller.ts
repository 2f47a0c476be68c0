import { Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthedContext } from '../../common/auth/actor';
import { Ctx, RequirePermission } from '../../common/auth/decorators';
import { parseListQuery, type RawListQuery } from '../../common/list/list-query';
import { APPLICANT_MESSAGE_LIST } from './applicant-messages.repository';
import { ApplicantMessagesService } from './applicant-messages.service';

@ApiTags('applicant-messages')
@ApiBearerAuth()
@Controller('applicant-messages')
export class ApplicantMessagesController {
  constructor(private readonly messages: ApplicantMessagesService) {}

  @Get()
  @RequirePermission('applicant-messages', 'list')
  list(@Ctx() ctx: AuthedContext, @Query() query: RawListQuery) {
    return this.messages.list(ctx, parseListQuery(query, APPLICANT_MESSAGE_LIST));
  }

  @Get(':id')
  @RequirePermission('applicant-messages', 'show')
  get(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number) {
    return this.messages.get(ctx, id);
  }

  /** A failed message back in the queue for the next run of the job. */
  @Post(':id/retry')
  @HttpCode(200)
  @RequirePermission('applicant-messages', 'edit')
  retry(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number) {
    return this.messages.retry(ctx, id);
  }
}
