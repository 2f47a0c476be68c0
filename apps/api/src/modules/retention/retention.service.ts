import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { todayInKazakhstan } from '@qonys/domain';
import type { DataSource } from 'typeorm';
import type { RequestContext } from '../../common/auth/actor';
import type { JobProgress } from '../jobs/job-handler';
import { PersonErasureService } from '../persons/person-erasure.service';
import { type DuePerson, RetentionRepository } from './retention.repository';

export interface RetentionRun {
  dryRun: boolean;
  /** The rule applied, or null when none is valid today (then nothing is due). */
  rule: { id: number; keepYears: number } | null;
  closedBefore: string | null;
  /** Dry run: everyone due; real run: everyone erased. */
  persons: DuePerson[];
}

const BATCH = 500;
const RETENTION_CONTEXT: RequestContext = { actor: null, requestId: 'retention', ip: null };

/**
 * Anonymises what is past its time (docs/personal-data.md, Retention): the persons of
 * closed cases, once the rule's years have passed since the last of their cases closed.
 */
@Injectable()
export class RetentionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly retention: RetentionRepository,
    private readonly erasure: PersonErasureService,
  ) {}

  async runRetention({ dryRun }: { dryRun: boolean }, progress?: JobProgress): Promise<RetentionRun> {
    const rule = await this.retention.currentRule('closed_case_persons', todayInKazakhstan());
    if (!rule) return { dryRun, rule: null, closedBefore: null, persons: [] };
    const closedBefore = new Date();
    closedBefore.setUTCFullYear(closedBefore.getUTCFullYear() - rule.keepYears);
    const due = await this.retention.duePersons(closedBefore);
    const run = { dryRun, rule: { id: rule.id, keepYears: rule.keepYears }, closedBefore: closedBefore.toISOString() };
    if (dryRun) return { ...run, persons: due };
    await progress?.phase('retention.erasing', due.length);
    const erased = new Set<number>();
    for (let start = 0; start < due.length; start += BATCH) {
      const batch = due.slice(start, start + BATCH).map((p) => p.personId);
      // Each batch commits on its own: a long run holds the audit chain only briefly.
      const done = await this.dataSource.transaction((manager) =>
        this.erasure.erase(manager, RETENTION_CONTEXT, batch, 'retention_expired'),
      );
      for (const id of done) erased.add(id);
      await progress?.advance(batch.length);
    }
    return { ...run, persons: due.filter((p) => erased.has(p.personId)) };
  }
}
