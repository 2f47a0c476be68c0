import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../../common/auth/decorators';
import { RetentionService } from './retention.service';

@ApiTags('retention')
@ApiBearerAuth()
@Controller('retention')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  /** The dry run: who the retention run would erase today, changing nothing. */
  @Get('due')
  @RequirePermission('erasures', 'list')
  due() {
    return this.retention.runRetention({ dryRun: true });
  }

  /** A real run now, in the request (the daily run goes through the job queue as RetentionJob). */
  @Post('runs')
  @HttpCode(200)
  @RequirePermission('erasures', 'create')
  run() {
    return this.retention.runRetention({ dryRun: false });
  }
}
