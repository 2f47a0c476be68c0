import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthedContext } from '../../common/auth/actor';
import { Ctx, RequirePermission } from '../../common/auth/decorators';
import { parseListQuery, type RawListQuery } from '../../common/list/list-query';
import { PublishReleaseDto } from './dto/publish-release.dto';
import { OpenStatisticsService } from './open-statistics.service';

/** The releases for staff: what was published, and an admin's "publish a release" (queues the job). */
@ApiTags('statistics-releases')
@ApiBearerAuth()
@Controller('statistics-releases')
export class StatisticsReleasesController {
  constructor(private readonly statistics: OpenStatisticsService) {}

  @Get()
  @RequirePermission('statistics-releases', 'list')
  list(@Query() query: RawListQuery) {
    return this.statistics.listReleases(
      parseListQuery(query, {
        resource: 'statistics-releases',
        sortable: { number: 'number' },
        defaultSort: ['number', 'DESC'],
        filters: {},
      }),
    );
  }

  @Get(':number')
  @RequirePermission('statistics-releases', 'show')
  get(@Param('number', ParseIntPipe) number: number) {
    return this.statistics.getRelease(number);
  }

  /** 202 with the queued run of `statistics-release`; the release appears when it completes. */
  @Post()
  @HttpCode(202)
  @RequirePermission('statistics-releases', 'create')
  publish(@Ctx() ctx: AuthedContext, @Body() dto: PublishReleaseDto) {
    return this.statistics.requestRelease(ctx, {
      note: dto.note?.trim() || null,
      correctsReleaseNumber: dto.correctsReleaseNumber ?? null,
    });
  }
}
