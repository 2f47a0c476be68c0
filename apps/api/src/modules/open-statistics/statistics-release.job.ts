import { Injectable, type OnModuleInit } from '@nestjs/common';
import { coded, DomainError, type FieldMessages } from '../../common/errors/domain-error';
import type { JobHandler, JobProgress } from '../jobs/job-handler';
import { JobsService } from '../jobs/jobs.service';
import { OpenStatisticsService, STATISTICS_RELEASE_JOB } from './open-statistics.service';

const NOTE_MAX = 1000;

/**
 * The open statistics release (docs/open-statistics.md): monthly, and on demand with an
 * optional `note` and `correctsReleaseNumber` (a correction is a new release saying so).
 */
@Injectable()
export class StatisticsReleaseJob implements JobHandler, OnModuleInit {
  readonly name = STATISTICS_RELEASE_JOB;
  // 06:00 in Kazakhstan (UTC+5) on the 1st: the month before is complete.
  readonly schedule = '0 1 1 * *';

  constructor(
    private readonly jobs: JobsService,
    private readonly statistics: OpenStatisticsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(this);
  }

  parseParams(raw: unknown): Record<string, unknown> {
    const given = (raw ?? {}) as Record<string, unknown>;
    const errors: FieldMessages = {};
    for (const key of Object.keys(given))
      if (key !== 'note' && key !== 'correctsReleaseNumber') errors[`params.${key}`] = 'validation.not_allowed';
    const note = typeof given.note === 'string' ? given.note.trim() : given.note;
    if (note !== undefined && note !== null && typeof note !== 'string') errors['params.note'] = 'validation.is_string';
    else if (typeof note === 'string' && note.length > NOTE_MAX)
      errors['params.note'] = coded('validation.max_length', { max: NOTE_MAX });
    const corrects = given.correctsReleaseNumber;
    if (corrects !== undefined && corrects !== null && !Number.isInteger(corrects))
      errors['params.correctsReleaseNumber'] = 'validation.is_int';
    else if (typeof corrects === 'number' && corrects < 1)
      errors['params.correctsReleaseNumber'] = coded('validation.min', { min: 1 });
    if (Object.keys(errors).length > 0) throw DomainError.invalid(errors);
    return {
      ...(typeof note === 'string' && note !== '' ? { note } : {}),
      ...(typeof corrects === 'number' ? { correctsReleaseNumber: corrects } : {}),
    };
  }

  async run(params: Record<string, unknown>, progress: JobProgress, runId: string): Promise<Record<string, unknown>> {
    const run = await this.jobs.getRun(runId);
    return {
      ...(await this.statistics.publish(
        {
          note: typeof params.note === 'string' ? params.note : null,
          correctsReleaseNumber: typeof params.correctsReleaseNumber === 'number' ? params.correctsReleaseNumber : null,
        },
        run.requestedBy,
        progress,
      )),
    };
  }
}
