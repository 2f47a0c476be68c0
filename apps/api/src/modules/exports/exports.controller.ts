import { Controller, Get, Param, StreamableFile, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthedContext } from '../../common/auth/actor';
import { AuthenticatedOnly, Ctx } from '../../common/auth/decorators';
import { contentDisposition } from '../documents/file-names';
import { ExportFilesService } from './export-files.service';

/** A large export's run and file: only the user who asked for it sees either (others get 404). */
@ApiTags('exports')
@ApiBearerAuth()
@Controller('exports')
export class ExportsController {
  constructor(private readonly files: ExportFilesService) {}

  @Get(':id')
  @AuthenticatedOnly()
  get(@Ctx() ctx: AuthedContext, @Param('id') id: string) {
    return this.files.get(ctx, id);
  }

  @Get(':id/file')
  @AuthenticatedOnly()
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async file(
    @Ctx() ctx: AuthedContext,
    @Param('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const file = await this.files.file(ctx, id);
    void reply
      .header('Content-Type', file.contentType)
      .header('Content-Disposition', contentDisposition('attachment', file.fileName))
      .header('X-Content-Type-Options', 'nosniff')
      .header('Cache-Control', 'private, no-store');
    return new StreamableFile(file.stream);
  }
}
