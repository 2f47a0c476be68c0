import { Controller, Get, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { AuthedContext } from '../../common/auth/actor';
import { Ctx, RequirePermission } from '../../common/auth/decorators';
import { coded, DomainError } from '../../common/errors/domain-error';
import { readMultipart } from '../../common/input/multipart';
import { parseListQuery, type RawListQuery } from '../../common/list/list-query';
import { ARRIVALS_HISTORY_LIST } from './forecast-lists';
import { type ForecastQuery, ForecastsService } from './forecasts.service';

const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

@ApiTags('monitoring')
@ApiBearerAuth()
@Controller('monitoring')
export class ForecastsController {
  constructor(private readonly forecasts: ForecastsService) {}

  @Get('arrivals-history')
  @RequirePermission('arrivals-history', 'list')
  listHistory(@Ctx() ctx: AuthedContext, @Query() query: RawListQuery) {
    return this.forecasts.listHistory(ctx, parseListQuery(query, ARRIVALS_HISTORY_LIST));
  }

  /** Multipart, one part `file` (CSV or XLSX with columns year, month, region_code, persons, source). */
  @Post('arrivals-history/import')
  @HttpCode(200)
  @RequirePermission('arrivals-history', 'create')
  async importHistory(@Ctx() ctx: AuthedContext, @Req() request: FastifyRequest) {
    if (!request.isMultipart()) throw DomainError.invalid({ file: 'document.multipart' });
    const { file } = await readMultipart(request, {
      limits: { fileSize: MAX_IMPORT_BYTES, files: 1 },
      tooLarge: () =>
        DomainError.invalid({ file: coded('document.file_too_large', { max: MAX_IMPORT_BYTES / 1024 / 1024 }) }),
      tooMany: () => DomainError.invalid({ file: 'document.one_file' }),
    });
    if (!file || file.content.length === 0) throw DomainError.invalid({ file: 'document.file_required' });
    return this.forecasts.importHistory(ctx, file.content, file.fileName);
  }

  /** `?regionCode=55|national[&from=YYYY-MM]`: 12 months of forecast with 80 % and 95 % intervals. */
  @Get('forecasts')
  @RequirePermission('forecasts', 'show')
  forecast(@Ctx() ctx: AuthedContext, @Query() query: ForecastQuery) {
    return this.forecasts.forecast(ctx, query);
  }
}
