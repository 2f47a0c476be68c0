import { Controller, Get, Header, Headers, Param, Query, Res, UseGuards } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../common/auth/decorators';
import { DomainError } from '../../common/errors/domain-error';
import { PublicRateLimitGuard } from '../../common/security/public-rate-limit.guard';
import { pickLanguage } from './language';
import { PublicStatisticsService } from './public-statistics.service';

/** `?release=N`: a positive whole number, or absent for the latest release. */
function releaseParam(raw: unknown): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string' || !/^[1-9][0-9]{0,8}$/.test(raw))
    throw DomainError.invalid({ release: 'validation.is_int' });
  return Number(raw);
}

/** The open statistics for anyone (docs/open-statistics.md): the list of datasets and the files of a release. */
@ApiTags('public')
@Controller('public/statistics')
export class PublicStatisticsController {
  constructor(private readonly statistics: PublicStatisticsService) {}

  /** The datasets of the latest release (or `?release=N`), titled in `?lang=` / Accept-Language (default en). */
  @Get()
  @Public()
  @UseGuards(PublicRateLimitGuard)
  @Header('Cache-Control', 'public, max-age=60')
  list(@Query('lang') lang: unknown, @Query('release') release: unknown, @Headers('accept-language') accept?: string) {
    return this.statistics.datasets(pickLanguage(lang, accept, 'en'), releaseParam(release));
  }

  /** A file exactly as published: `<dataset>.csv`, `<dataset>.json` (JSON-stat), `<dataset>.schema.json`, or `SHA256SUMS`. */
  @Get(':file')
  @Public()
  @UseGuards(PublicRateLimitGuard)
  @ApiProduces('text/csv', 'application/json', 'text/plain')
  async file(
    @Param('file') name: string,
    @Query('release') release: unknown,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const pinned = releaseParam(release);
    const file = await this.statistics.file(name, pinned);
    const etag = `"${file.sha256}"`;
    void reply
      .header('ETag', etag)
      // A numbered release never changes; the latest does when the next one is published.
      .header('Cache-Control', pinned === undefined ? 'public, max-age=300' : 'public, max-age=31536000, immutable')
      .header('X-Statistics-Release', String(file.release))
      .header('Content-Type', file.contentType)
      .header('Content-Disposition', `attachment; filename="${file.fileName}"`);
    if (ifNoneMatch?.split(',').some((tag) => tag.trim() === etag)) {
      await reply.status(304).send();
      return;
    }
    await reply.send(file.content);
  }
}

/** The public page `/statistics`, outside the /api prefix. */
@ApiTags('public')
@Controller('statistics')
export class StatisticsPageController {
  constructor(private readonly statistics: PublicStatisticsService) {}

  @Get()
  @Public()
  @UseGuards(PublicRateLimitGuard)
  @ApiProduces('text/html')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=60')
  async page(
    @Query('lang') lang: unknown,
    @Query('release') release: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('accept-language') accept?: string,
  ): Promise<string> {
    // The page answers in HTML whatever is wrong: a release number that is not one names no release.
    const number =
      release === undefined || release === ''
        ? undefined
        : /^[1-9][0-9]{0,8}$/.test(String(release))
          ? Number(release)
          : null;
    const page = await this.statistics.page(pickLanguage(lang, accept, 'kk'), number);
    if (!page.found) void reply.status(404);
    return page.html;
  }
}

/** Paths the global /api prefix leaves alone (server.ts). */
export const STATISTICS_UNPREFIXED_ROUTES = ['statistics'];
