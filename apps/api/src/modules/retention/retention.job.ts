import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import type { JobHandler, JobProgress } from '../jobs/job-handler';
import { RetentionService } from './retention.service';

/** The daily retention run on the job queue; `{ dryRun: true }` lists without changing anything. */
@Injectable()
export class RetentionJob implements JobHandler {
  readonly name = 'retention';
  // 02:00 in Kazakhstan (UTC+5), when nobody works.
  readonly schedule = '0 21 * * *';

  constructor(private readonly retention: RetentionService) {}

  parseParams(raw: unknown): Record<string, unknown> {
    const params = raw ?? {};
    if (typeof params !== 'object' || Array.isArray(params)) throw DomainError.invalid({ params: 'validation.nested' });
    const dryRun = Object.hasOwn(params, 'dryRun') ? (params as { dryRun: unknown }).dryRun : false;
    if (typeof dryRun !== 'boolean') throw DomainError.invalid({ dryRun: 'validation.is_boolean' });
    return { dryRun };
  }

  async run(params: Record<string, unknown>, progress: JobProgress): Promise<Record<string, unknown>> {
    const result = await this.retention.runRetention({ dryRun: params.dryRun === true }, progress);
    return { ...result, persons: result.persons.length, personIds: result.persons.map((p) => p.personId) };
  }
}
