import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthedContext } from '../../common/auth/actor';
import { Ctx, RequirePermission } from '../../common/auth/decorators';
import { DashboardQueryDto } from './dto/dashboard-query.dto';
import { MonitoringService } from './monitoring.service';

@ApiTags('monitoring')
@ApiBearerAuth()
@Controller('monitoring')
export class MonitoringController {
  constructor(private readonly monitoring: MonitoringService) {}

  @Get('dashboard')
  @RequirePermission('monitoring', 'show')
  dashboard(@Ctx() ctx: AuthedContext, @Query() query: DashboardQueryDto) {
    return this.monitoring.dashboard(ctx.actor, query);
  }
}
