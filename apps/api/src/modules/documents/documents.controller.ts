import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseIntPipe,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthedContext } from '../../common/auth/actor';
import { Ctx, RequirePermission } from '../../common/auth/decorators';
import { parseListQuery, type RawListQuery } from '../../common/list/list-query';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { readDocumentUpload } from './document-upload';
import { contentDisposition } from './file-names';
import { DOCUMENT_LIST } from './documents.repository';
import { DocumentsService } from './documents.service';
import { ChecklistQuery, DocumentContentQuery, ReviewDocumentDto } from './dto/document.dto';

@ApiTags('documents')
@ApiBearerAuth()
@Controller('documents')
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `?filter={"applicationId":…}`: a case's documents (never their storage keys). */
  @Get()
  @RequirePermission('documents', 'list')
  list(@Ctx() ctx: AuthedContext, @Query() query: RawListQuery) {
    return this.documents.list(ctx, parseListQuery(query, DOCUMENT_LIST));
  }

  /** The case's checklist: each item valid today with its documents and status. */
  @Get('checklist')
  @RequirePermission('documents', 'list')
  checklist(@Ctx() ctx: AuthedContext, @Query() query: ChecklistQuery) {
    return this.documents.checklist(ctx, query.applicationId);
  }

  @Post()
  @RequirePermission('documents', 'create')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['applicationId', 'documentTypeId', 'file'],
      properties: {
        applicationId: { type: 'integer' },
        documentTypeId: { type: 'integer' },
        personId: { type: 'integer', description: "Required when the document type's scope is 'member'" },
        file: { type: 'string', format: 'binary', description: 'PDF, JPEG or PNG (checked by content)' },
      },
    },
  })
  async upload(@Ctx() ctx: AuthedContext, @Req() request: FastifyRequest) {
    return this.documents.upload(ctx, await readDocumentUpload(request, this.config.documentMaxBytes));
  }

  @Get(':id')
  @RequirePermission('documents', 'show')
  get(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number) {
    return this.documents.get(ctx, id);
  }

  /** The file itself: `attachment`, or `inline` with `?inline=1` for a preview. */
  @Get(':id/content')
  @RequirePermission('documents', 'show')
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png')
  async content(
    @Ctx() ctx: AuthedContext,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: DocumentContentQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const { document, stream } = await this.documents.content(ctx, id);
    const inline = query.inline === '1' || query.inline === 'true';
    void reply
      .header('Content-Type', document.contentType)
      .header('Content-Length', String(document.sizeBytes))
      .header('Content-Disposition', contentDisposition(inline ? 'inline' : 'attachment', document.fileName))
      .header('X-Content-Type-Options', 'nosniff')
      .header('Cache-Control', 'private, no-store');
    return new StreamableFile(stream);
  }

  @Post(':id/review')
  @HttpCode(200)
  @RequirePermission('documents', 'edit')
  review(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number, @Body() dto: ReviewDocumentDto) {
    return this.documents.review(ctx, id, dto);
  }
}
