import { Controller, Get } from '@nestjs/common';
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
}
