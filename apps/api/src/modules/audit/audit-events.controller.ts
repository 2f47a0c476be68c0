import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../../common/auth/decorators';
import { parseListQuery, type RawListQuery } from '../../common/list/list-query';
import { AUDIT_LIST, AuditLogService } from './audit-log.service';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-events')
export class AuditEventsController {
  constructor(private readonly auditLog: AuditLogService) {}

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

  @Get(':id')
  @RequirePermission('audit-events', 'show')
  get(@Param('id') id: string) {
    return this.auditLog.get(id);
  }
}
