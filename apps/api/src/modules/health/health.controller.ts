import { Controller, Get, Logger } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Public } from '../../common/auth/decorators';
import { DomainError, ErrorKind } from '../../common/errors/domain-error';
import { prototypePollution } from '../../common/security/prototype-integrity';

@ApiTags('health')
@Controller('health')
@Public()
export class HealthController {
  private readonly logger = new Logger('Health');

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Liveness: the process answers. */
  @Get()
  live() {
    return { status: 'ok' };
  }

  /** Readiness: the built-in prototypes are intact and the database answers. */
  @Get('ready')
  async ready() {
    const polluted = prototypePollution();
    if (polluted.length > 0) {
      // Only a restart clears it: say so where the operator looks.
      this.logger.error(`built-in prototypes were modified (${polluted.join(', ')}); restart the process`);
      throw new DomainError(ErrorKind.Unavailable, 'server.prototype_polluted');
    }
    try {
      await this.dataSource.query('SELECT 1');
      return { status: 'ok', database: 'up' };
    } catch {
      throw new DomainError(ErrorKind.Unavailable, 'server.unavailable');
    }
  }
}
