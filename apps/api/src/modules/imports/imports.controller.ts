import { Controller, Get, Headers, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { IMPORT_LOCALES, type ImportLocale } from '@qonys/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthedContext } from '../../common/auth/actor';
import { Ctx, RequirePermission } from '../../common/auth/decorators';
import { coded, DomainError } from '../../common/errors/domain-error';
import { readMultipart } from '../../common/input/multipart';
import { parseListQuery, type RawListQuery } from '../../common/list/list-query';
import { IMPORT_RUN_LIST } from './import-lists';
import { ImportsService } from './imports.service';

/** A persons file of 100,000 rows is about 10 MB. */
const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

/** `?locale=`, else the first of kk/ru/en that Accept-Language names, else Kazakh (the admin's default). */
function localeOf(query: string | undefined, acceptLanguage: string | undefined): ImportLocale {
  const known = (value: string) => IMPORT_LOCALES.find((l) => value.trim().toLowerCase().startsWith(l));
  if (query) {
    const locale = IMPORT_LOCALES.find((l) => l === query);
    if (!locale)
      throw DomainError.invalid({ locale: coded('validation.is_in', { values: IMPORT_LOCALES.join(', ') }) });
    return locale;
  }
  for (const part of (acceptLanguage ?? '').split(',')) {
    const locale = known(part.split(';')[0]);
    if (locale) return locale;
  }
  return 'kk';
}

function sendCsv(reply: FastifyReply, fileName: string, content: string): string {
  void reply
    .header('Content-Type', 'text/csv; charset=utf-8')
    .header(
      'Content-Disposition',
      `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    )
    .header('X-Content-Type-Options', 'nosniff')
    .header('Cache-Control', 'private, no-store');
  return content;
}

@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  /** Multipart: `file` (CSV or XLSX), `kind`, `mode`, optional `regionCode` (the region of rows without one). */
  @Post()
  @HttpCode(202)
  @RequirePermission('imports', 'create')
  async create(@Ctx() ctx: AuthedContext, @Req() request: FastifyRequest) {
    if (!request.isMultipart()) throw DomainError.invalid({ file: 'document.multipart' });
    const { fields, file } = await readMultipart(request, {
      limits: { fileSize: MAX_IMPORT_BYTES, files: 1 },
      tooLarge: () =>
        DomainError.invalid({ file: coded('document.file_too_large', { max: MAX_IMPORT_BYTES / 1024 / 1024 }) }),
      tooMany: () => DomainError.invalid({ file: 'document.one_file' }),
    });
    return this.imports.create(ctx, { kind: fields.kind, mode: fields.mode, regionCode: fields.regionCode, file });
  }

  @Get()
  @RequirePermission('imports', 'list')
  list(@Ctx() ctx: AuthedContext, @Query() query: RawListQuery) {
    return this.imports.list(ctx, parseListQuery(query, IMPORT_RUN_LIST));
  }

  /** An empty file of the kind with its header in the language (`?locale=kk|ru|en`). */
  @Get('templates/:kind')
  @RequirePermission('imports', 'create')
  @ApiProduces('text/csv')
  template(
    @Param('kind') kind: string,
    @Query('locale') locale: string | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const file = this.imports.template(kind, localeOf(locale, acceptLanguage));
    return sendCsv(reply, file.fileName, file.content);
  }

  @Get(':id')
  @RequirePermission('imports', 'show')
  get(@Ctx() ctx: AuthedContext, @Param('id') id: string) {
    return this.imports.get(ctx, id);
  }

  /** The rows with errors as uploaded, plus an error column in the reader's language. */
  @Get(':id/errors.csv')
  @RequirePermission('imports', 'show')
  @ApiProduces('text/csv')
  async errors(
    @Ctx() ctx: AuthedContext,
    @Param('id') id: string,
    @Query('locale') locale: string | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const file = await this.imports.errorsFile(ctx, id, localeOf(locale, acceptLanguage));
    return sendCsv(reply, file.fileName, file.content);
  }
}
