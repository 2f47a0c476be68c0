import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthedContext } from '../../common/auth/actor';
import { Ctx, RequirePermission } from '../../common/auth/decorators';
import { coded, DomainError } from '../../common/errors/domain-error';
import { readMultipart } from '../../common/input/multipart';
import { parseListQuery, type RawListQuery } from '../../common/list/list-query';
import { contentDisposition } from '../documents/file-names';
import { PaymentVersionDto, RegisterQueryDto } from './dto/payment.dto';
import { BATCH_LIST } from './payment-batches.repository';
import { PaymentBatchesService } from './payment-batches.service';

const MAX_RESULT_BYTES = 5 * 1024 * 1024;

@ApiTags('payment-batches')
@ApiBearerAuth()
@Controller('payment-batches')
export class PaymentBatchesController {
  constructor(private readonly batches: PaymentBatchesService) {}

  @Get()
  @RequirePermission('payment-batches', 'list')
  list(@Ctx() ctx: AuthedContext, @Query() query: RawListQuery) {
    return this.batches.list(ctx, parseListQuery(query, BATCH_LIST));
  }

  @Get(':id')
  @RequirePermission('payment-batches', 'show')
  get(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number) {
    return this.batches.get(ctx, id);
  }

  /** The bank register; taking it hands the approved payments to the bank (they become sent). */
  @Get(':id/register')
  @RequirePermission('payment-batches', 'edit')
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async register(
    @Ctx() ctx: AuthedContext,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: RegisterQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const file = await this.batches.register(ctx, id, query.format ?? 'csv');
    void reply
      .header('Content-Type', file.contentType)
      .header('Content-Disposition', contentDisposition('attachment', file.fileName))
      .header('Cache-Control', 'private, no-store');
    return file.content;
  }

  /** The bank's result: a CSV or XLSX with payment_id, status (paid|failed), bank_reference, failure_reason. */
  @Post(':id/bank-result')
  @HttpCode(200)
  @RequirePermission('payment-batches', 'edit')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  async bankResult(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number, @Req() request: FastifyRequest) {
    if (!request.isMultipart()) throw DomainError.invalid({ file: 'document.multipart' });
    const { file } = await readMultipart(request, {
      limits: { fileSize: MAX_RESULT_BYTES, files: 1 },
      tooLarge: () =>
        DomainError.invalid({ file: coded('document.file_too_large', { max: MAX_RESULT_BYTES / 1024 / 1024 }) }),
      tooMany: () => DomainError.invalid({ file: 'document.one_file' }),
    });
    if (!file || file.content.length === 0) throw DomainError.invalid({ file: 'document.file_required' });
    return this.batches.bankResult(ctx, id, file.content, file.fileName);
  }

  /** Closes the batch once every payment has the bank's answer; the paid ones are reconciled. */
  @Post(':id/close')
  @HttpCode(200)
  @RequirePermission('payment-batches', 'edit')
  close(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number, @Body() dto: PaymentVersionDto) {
    return this.batches.close(ctx, id, dto.version);
  }
}
