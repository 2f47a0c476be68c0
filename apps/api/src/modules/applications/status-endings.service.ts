import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type CodedMessage, type TransitionName, todayInKazakhstan } from '@qonys/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/auth/actor';
import { coded } from '../../common/errors/domain-error';
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
 * The ways a granted kandas status ends on its own (docs/status-clocks.md,
 * docs/legal-status.md): its validity passes (approved → expired, the `status-expiry`
 * job) or every member becomes a citizen (approved → naturalised). Either way the case's
 * members are released, reserved quota places go back, a planned settlement is
 * cancelled, and the timeline and the audit log say so, as when a caseworker ends a case.
 */
@Injectable()
export class StatusEndingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: ApplicationsRepository,
    private readonly inclusion: InclusionService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Ends every status whose `statusValidTo` has passed. Safe to run twice or at once: a
   * case is taken under a skip-locked row lock and only while it is still approved.
   */
  async expireLapsed(progress?: JobProgress, today = todayInKazakhstan()): Promise<StatusExpiryResult> {
    await progress?.phase('status_expiry.phase_expiring', await this.applications.countLapsedStatuses(today));
    const applicationIds: number[] = [];
    for (;;) {
      const done = await this.dataSource.transaction(async (manager) => {
        const lapsed = await this.applications.lockLapsedStatuses(manager, today, BATCH);
        for (const before of lapsed) {
          await this.end(
            manager,
            STATUS_EXPIRY_CONTEXT,
            before,
            'expire',
            'expired',
            coded('timeline.status_lapsed', { date: before.statusValidTo! }),
          );
        }
        return lapsed.map((row) => row.id);
      });
      applicationIds.push(...done);
      await progress?.advance(done.length);
      if (done.length < BATCH) break;
    }
    return { expired: applicationIds.length, applicationIds };
  }

  /**
   * Closes an approved case whose members are now all citizens, since `date`; in the
   * caller's transaction, which holds the case's lock.
   */
  async naturalise(manager: EntityManager, ctx: RequestContext, before: Application, date: string): Promise<void> {
    await this.end(
      manager,
      ctx,
      before,
      'naturalise',
      'naturalised',
      coded('timeline.status_ended_citizenship', { date }),
    );
  }

  private async end(
    manager: EntityManager,
    ctx: RequestContext,
    before: Application,
    transition: TransitionName,
    status: 'expired' | 'naturalised',
    message: CodedMessage,
  ): Promise<void> {
    await this.applications.releaseMembers(manager, before.id);
    const after = await updateVersioned(manager, Application, 'application', before.id, before.version, { status });
    await this.inclusion.onCaseEnded(manager, ctx, before.id, after.status);
    await appendTimelineEvent(manager, {
      applicationId: before.id,
      actorId: ctx.actor?.id ?? null,
      type: 'transition',
      transition,
      fromStatus: before.status,
      toStatus: after.status,
      message,
    });
    await this.audit.record(manager, ctx, {
      action: 'application.transition',
      entityType: 'application',
      entityId: before.id,
      regionId: before.regionId,
      changes: {
        transition: { before: null, after: transition },
        status: { before: before.status, after: after.status },
        statusValidTo: { before: before.statusValidTo, after: after.statusValidTo },
      },
    });
  }
}
