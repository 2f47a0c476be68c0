import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthedContext } from '../../common/auth/actor';
import { Ctx, RequirePermission } from '../../common/auth/decorators';
import { parseListQuery, type RawListQuery } from '../../common/list/list-query';
import { ApplicationAssignmentService } from './application-assignment.service';
import { ApplicationMembersService } from './application-members.service';
import { ApplicationTransitionsService } from './application-transitions.service';
import { APPLICATION_LIST, ASSIGNEE_LIST, TIMELINE_LIST } from './applications.repository';
import { ApplicationsService } from './applications.service';
import { exportResponse } from '../exports/export-response';
import { ExportsService, type RawExportQuery } from '../exports/exports.service';
import {
  AddMemberDto,
  BulkAssignDto,
  CreateApplicationDto,
  NoteDto,
  TransitionDto,
  UpdateApplicationDto,
} from './dto/application.dto';

@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly members: ApplicationMembersService,
    private readonly transitions: ApplicationTransitionsService,
    private readonly assignment: ApplicationAssignmentService,
    private readonly exports: ExportsService,
  ) {}

  @Get()
  @RequirePermission('applications', 'list')
  list(@Ctx() ctx: AuthedContext, @Query() query: RawListQuery) {
    return this.applications.list(ctx, parseListQuery(query, APPLICATION_LIST));
  }

  /** The whole list (its filters and sort) as CSV or XLSX; a large one answers 202 and runs as a job. */
  @Get('export')
  @RequirePermission('applications', 'export')
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async export(
    @Ctx() ctx: AuthedContext,
    @Query() query: RawExportQuery,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return exportResponse(reply, await this.exports.start(ctx, 'applications', query, acceptLanguage));
  }

  /** Caseworkers a case of the caller's region may be assigned to. */
  @Get('assignees')
  @RequirePermission('applications', 'list')
  assignees(@Ctx() ctx: AuthedContext, @Query() query: RawListQuery) {
    return this.assignment.assignees(ctx, parseListQuery(query, ASSIGNEE_LIST));
  }

  @Post()
  @RequirePermission('applications', 'create')
  create(@Ctx() ctx: AuthedContext, @Body() dto: CreateApplicationDto) {
    return this.applications.create(ctx, dto);
  }

  @Post('assign')
  @HttpCode(200)
  @RequirePermission('applications', 'edit')
  assign(@Ctx() ctx: AuthedContext, @Body() dto: BulkAssignDto) {
    return this.assignment.assign(ctx, dto.ids, dto.assignedToId);
  }

  @Get(':id')
  @RequirePermission('applications', 'show')
  get(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number) {
    return this.applications.get(ctx, id);
  }

  @Put(':id')
  @RequirePermission('applications', 'edit')
  update(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number, @Body() dto: UpdateApplicationDto) {
    return this.applications.update(ctx, id, dto);
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @RequirePermission('applications', 'edit')
  transition(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number, @Body() dto: TransitionDto) {
    return this.transitions.transition(ctx, id, dto);
  }

  @Post(':id/members')
  @RequirePermission('applications', 'edit')
  addMember(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number, @Body() dto: AddMemberDto) {
    return this.members.add(ctx, id, dto);
  }

  @Delete(':id/members/:personId')
  @RequirePermission('applications', 'edit')
  removeMember(
    @Ctx() ctx: AuthedContext,
    @Param('id', ParseIntPipe) id: number,
    @Param('personId', ParseIntPipe) personId: number,
  ) {
    return this.members.remove(ctx, id, personId);
  }

  @Get(':id/timeline')
  @RequirePermission('applications', 'show')
  timeline(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number, @Query() query: RawListQuery) {
    return this.applications.timeline(ctx, id, parseListQuery(query, TIMELINE_LIST));
  }

  @Post(':id/notes')
  @RequirePermission('applications', 'edit')
  addNote(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number, @Body() dto: NoteDto) {
    return this.applications.addNote(ctx, id, dto.comment);
  }
}
