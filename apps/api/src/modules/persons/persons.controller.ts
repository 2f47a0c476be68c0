import { Body, Controller, Get, Headers, HttpCode, Param, ParseIntPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { exportResponse } from '../exports/export-response';
import { ExportsService, type RawExportQuery } from '../exports/exports.service';
import type { AuthedContext } from '../../common/auth/actor';
import { Ctx, RequirePermission } from '../../common/auth/decorators';
import { parseListQuery, type RawListQuery } from '../../common/list/list-query';
import { CreatePersonDto, ErasePersonDto, MarkDistinctDto, MergePersonDto, UpdatePersonDto } from './dto/person.dto';
import { PersonDuplicatesService } from './person-duplicates.service';
import { PersonErasureService } from './person-erasure.service';
import { PersonMergeService } from './person-merge.service';
import { PERSON_LIST } from './person-list';
import { PersonsService } from './persons.service';
import { PERSON_ACCESS_LIST } from '../audit/audit-log.service';

@ApiTags('persons')
@ApiBearerAuth()
@Controller('persons')
export class PersonsController {
  constructor(
    private readonly persons: PersonsService,
    private readonly duplicates: PersonDuplicatesService,
    private readonly merging: PersonMergeService,
    private readonly erasure: PersonErasureService,
    private readonly exports: ExportsService,
  ) {}

  /** `filter.q`: a name in any script, an IIN, a document number or a case number. */
  @Get()
  @RequirePermission('persons', 'list')
  list(@Ctx() ctx: AuthedContext, @Query() query: RawListQuery) {
    return this.persons.list(ctx, parseListQuery(query, PERSON_LIST));
  }

  /** The whole list (its filters and sort) as CSV or XLSX; a large one answers 202 and runs as a job. */
  @Get('export')
  @RequirePermission('persons', 'export')
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async export(
    @Ctx() ctx: AuthedContext,
    @Query() query: RawExportQuery,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return exportResponse(reply, await this.exports.start(ctx, 'persons', query, acceptLanguage));
  }

  @Get(':id')
  @RequirePermission('persons', 'show')
  get(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number) {
    return this.persons.get(ctx, id);
  }

  /** Who read or changed this person, when and how (the audit entries naming them), newest first. */
  @Get(':id/access-log')
  @RequirePermission('audit-events', 'list')
  accessLog(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number, @Query() query: RawListQuery) {
    return this.persons.accessLog(ctx, id, parseListQuery(query, PERSON_ACCESS_LIST));
  }

  @Post()
  @RequirePermission('persons', 'create')
  create(@Ctx() ctx: AuthedContext, @Body() dto: CreatePersonDto) {
    return this.persons.create(ctx, dto);
  }

  @Put(':id')
  @RequirePermission('persons', 'edit')
  update(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number, @Body() dto: UpdatePersonDto) {
    return this.persons.update(ctx, id, dto);
  }

  /** Possible duplicates in every region, best first: `[{ person, score, reasons }]`. */
  @Get(':id/duplicates')
  @RequirePermission('persons', 'show')
  findDuplicates(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number) {
    return this.duplicates.duplicates(ctx, id);
  }

  @Post(':id/distinct')
  @HttpCode(200)
  @RequirePermission('persons', 'edit')
  markDistinct(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number, @Body() dto: MarkDistinctDto) {
    return this.duplicates.markDistinct(ctx, id, dto.otherPersonId);
  }

  @Post(':id/merge')
  @HttpCode(200)
  @RequirePermission('persons', 'edit')
  merge(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number, @Body() dto: MergePersonDto) {
    return this.merging.merge(ctx, id, dto.intoPersonId, dto.version);
  }

  /** Erases the person's personal data (admins; docs/personal-data.md, Erasure). */
  @Post(':id/erasure')
  @HttpCode(200)
  @RequirePermission('erasures', 'create')
  erase(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number, @Body() dto: ErasePersonDto) {
    return this.erasure.eraseOne(ctx, id, dto);
  }
}
