import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthedContext } from '../../common/auth/actor';
import { Ctx, RequirePermission } from '../../common/auth/decorators';
import { parseListQuery, type RawListQuery } from '../../common/list/list-query';
import { RunJobDto } from './dto/run-job.dto';
import { JOB_RUN_LIST } from './job-lists';
import { JobsService } from './jobs.service';

@ApiTags('jobs')
@ApiBearerAuth()
@Controller('jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @Get()
  @RequirePermission('jobs', 'list')
  list() {
    return this.jobs.list();
  }

  @Get('runs')
  @RequirePermission('jobs', 'list')
  listRuns(@Query() query: RawListQuery) {
    return this.jobs.listRuns(parseListQuery(query, JOB_RUN_LIST));
  }

  @Get('runs/:id')
  @RequirePermission('jobs', 'show')
  getRun(@Param('id') id: string) {
    return this.jobs.getRun(id);
  }

  @Post(':name/runs')
  @RequirePermission('jobs', 'create')
  runNow(@Ctx() ctx: AuthedContext, @Param('name') name: string, @Body() dto: RunJobDto) {
    return this.jobs.runNow(ctx, name, dto.params);
  }
}
