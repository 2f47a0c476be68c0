import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { coded } from '../../common/errors/domain-error';
import { todayInKazakhstan } from '@qonys/domain';
import type { DataSource } from 'typeorm';
import type { RequestContext } from '../../common/auth/actor';
import { updateVersioned } from '../../common/persistence/versioned-update';
import { appendTimelineEvent } from '../../common/timeline';
import { AuditService } from '../audit/audit.service';
import { InclusionService } from '../inclusion/inclusion.service';
import type { JobProgress } from '../jobs/job-handler';
import { ApplicationsRepository } from './applications.repository';
import { Application } from './entities/application.entity';

/** The system, not a staff member, ends a status whose validity has passed. */
const STATUS_EXPIRY_CONTEXT: RequestContext = { actor: null, requestId: 'status-expiry', ip: null };

/** Cases ended per transaction: short enough that a case is never locked for long. */
const BATCH = 100;

export interface StatusExpiryResult {
  expired: number;
  applicationIds: number[];
}

/**
 * Ends every kandas status whose `statusValidTo` has passed (docs/status-clocks.md): the
 * case moves approved → expired by the workflow's `expire` transition, with its effects —
 * members released, reserved quota places given back, a planned settlement cancelled —
 * and a timeline line and an audit entry, as when a caseworker does it by hand.
 * Safe to run twice or at once: a case is taken under a skip-locked row lock and only
 * while it is still approved.
 */
@Injectable()
export class StatusExpiryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: ApplicationsRepository,
    private readonly inclusion: InclusionService,
    private readonly audit: AuditService,
  ) {}

  async expireLapsed(progress?: JobProgress, today = todayInKazakhstan()): Promise<StatusExpiryResult> {
    await progress?.phase('status_expiry.phase_expiring', await this.applications.countLapsedStatuses(today));
    const applicationIds: number[] = [];
    for (;;) {
      const done = await this.dataSource.transaction(async (manager) => {
        const lapsed = await this.applications.lockLapsedStatuses(manager, today, BATCH);
        for (const before of lapsed) {
          await this.applications.releaseMembers(manager, before.id);
          const after = await updateVersioned(manager, Application, 'application', before.id, before.version, {
            status: 'expired',
          });
          await this.inclusion.onCaseEnded(manager, STATUS_EXPIRY_CONTEXT, before.id, after.status);
          await appendTimelineEvent(manager, {
            applicationId: before.id,
            actorId: null,
            type: 'transition',
            transition: 'expire',
            fromStatus: before.status,
            toStatus: after.status,
            message: coded('timeline.status_lapsed', { date: before.statusValidTo! }),
          });
          await this.audit.record(manager, STATUS_EXPIRY_CONTEXT, {
            action: 'application.transition',
            entityType: 'application',
            entityId: before.id,
            regionId: before.regionId,
            changes: {
              transition: { before: null, after: 'expire' },
              status: { before: before.status, after: after.status },
              statusValidTo: { before: before.statusValidTo, after: after.statusValidTo },
            },
          });
        }
        return lapsed.map((row) => row.id);
      });
      applicationIds.push(...done);
      await progress?.advance(done.length);
      if (done.length < BATCH) break;
    }
    return { expired: applicationIds.length, applicationIds };
  }
}
