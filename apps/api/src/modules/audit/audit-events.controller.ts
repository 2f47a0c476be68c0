import { Controller, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Public, RequirePermission } from '../../common/auth/decorators';
import { DomainError } from '../../common/errors/domain-error';
import { parseListQuery, type RawListQuery } from '../../common/list/list-query';
import { AuditCheckpointService } from './audit-checkpoint.service';
import { AUDIT_LIST, AuditLogService } from './audit-log.service';

/** Checkpoints listed per call: one an hour, so about a month. */
const CHECKPOINTS_LISTED = 744;

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-events')
export class AuditEventsController {
  constructor(
    private readonly auditLog: AuditLogService,
    private readonly checkpoints: AuditCheckpointService,
  ) {}

  @Get()
  @RequirePermission('audit-events', 'list')
  list(@Query() query: RawListQuery) {
    return this.auditLog.list(parseListQuery(query, AUDIT_LIST));
  }

  @Get('verify')
  @RequirePermission('audit-events', 'verify')
  verify() {
    return this.auditLog.verify();
  }

  /** The newest signed checkpoints, newest first. */
  @Get('checkpoints')
  @RequirePermission('audit-checkpoints', 'list')
  listCheckpoints() {
    return this.checkpoints.list(CHECKPOINTS_LISTED);
  }

  /** A checkpoint now, besides the hourly job's. */
  @Post('checkpoints')
  @HttpCode(201)
  @RequirePermission('audit-checkpoints', 'create')
  async writeCheckpoint() {
    const checkpoint = await this.checkpoints.writeCheckpoint();
    if (!checkpoint) throw DomainError.notFound('audit_event');
    return checkpoint;
  }

  @Get(':id')
  @RequirePermission('audit-events', 'show')
  get(@Param('id') id: string) {
    return this.auditLog.get(id);
  }
}

/** The latest signed checkpoint and the public key that checks it, for anyone (the open statistics page). */
@ApiTags('public')
@Controller('public/audit-checkpoint')
export class PublicAuditCheckpointController {
  constructor(private readonly checkpoints: AuditCheckpointService) {}

  @Get()
  @Public()
  @Header('Cache-Control', 'no-store')
  async latest() {
    const published = await this.checkpoints.published();
    if (!published) throw DomainError.notFound('audit_checkpoint');
    return published;
  }
}
