import { Controller, Get, Param, ParseIntPipe, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AuthedContext } from '../../common/auth/actor';
import { Ctx, RequirePermission } from '../../common/auth/decorators';
import { contentDisposition } from '../documents/file-names';
import { CertificatesService, type PaperFile } from './certificates.service';
import { PaperLanguageQuery } from './dto/paper.dto';

const asPdf = ({ fileName, pdf }: PaperFile) =>
  new StreamableFile(pdf, {
    type: 'application/pdf',
    disposition: contentDisposition('attachment', fileName),
    length: pdf.length,
  });

/** A case's decisions on paper, in Kazakh (default) or Russian. */
@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  /** The kandas certificate with its QR code; 404 while the case has none. */
  @Get(':id/certificate.pdf')
  @RequirePermission('applications', 'show')
  @ApiProduces('application/pdf')
  async certificate(
    @Ctx() ctx: AuthedContext,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: PaperLanguageQuery,
  ) {
    return asPdf(await this.certificates.certificatePdf(ctx, id, query.lang ?? 'kk'));
  }

  /** The decision letter: approval, or refusal with its legal ground; 404 before a decision. */
  @Get(':id/decision-letter.pdf')
  @RequirePermission('applications', 'show')
  @ApiProduces('application/pdf')
  async decisionLetter(
    @Ctx() ctx: AuthedContext,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: PaperLanguageQuery,
  ) {
    return asPdf(await this.certificates.decisionLetterPdf(ctx, id, query.lang ?? 'kk'));
  }
}
