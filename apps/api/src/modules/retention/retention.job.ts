import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DomainError, type FieldMessages } from '../../common/errors/domain-error';
import type { JobHandler, JobProgress } from '../jobs/job-handler';
import { JobsService } from '../jobs/jobs.service';
import { RetentionService } from './retention.service';

/** The daily retention run (docs/personal-data.md, Retention); `{ dryRun: true }` lists without changing anything. */
@Injectable()
export class RetentionJob implements JobHandler, OnModuleInit {
  readonly name = 'retention';
  // 02:00 in Kazakhstan (UTC+5), when nobody works.
  readonly schedule = '0 21 * * *';

  constructor(
    private readonly jobs: JobsService,
    private readonly retention: RetentionService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(this);
  }

  parseParams(raw: unknown): Record<string, unknown> {
    const given = (raw ?? {}) as Record<string, unknown>;
    const errors: FieldMessages = {};
    for (const key of Object.keys(given)) if (key !== 'dryRun') errors[`params.${key}`] = 'validation.not_allowed';
    const dryRun = given.dryRun ?? false;
    if (typeof dryRun !== 'boolean') errors['params.dryRun'] = 'validation.is_boolean';
    if (Object.keys(errors).length > 0) throw DomainError.invalid(errors);
    return { dryRun };
  }

  async run(params: Record<string, unknown>, progress: JobProgress): Promise<Record<string, unknown>> {
    const result = await this.retention.runRetention({ dryRun: params.dryRun === true }, progress);
    return { ...result, persons: result.persons.length, personIds: result.persons.map((p) => p.personId) };
  }
}
