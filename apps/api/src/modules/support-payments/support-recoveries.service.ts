import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthedContext, RequestContext } from '../../common/auth/actor';
import { regionScope } from '../../common/auth/region-scope';
import { coded, DomainError, ErrorKind } from '../../common/errors/domain-error';
import type { ListResult, ParsedListQuery } from '../../common/list/list-query';
import { updateVersioned } from '../../common/persistence/versioned-update';
import { appendTimelineEvent } from '../../common/timeline';
import { AuditService, diff } from '../audit/audit.service';
import { PersonalDataReads } from '../audit/personal-data-reads.service';
import type { ResolveRecoveryDto } from './dto/recovery.dto';
import { SupportRecovery } from './entities/support-recovery.entity';
import { type SupportRecoveryView, SupportRecoveriesRepository } from './support-recoveries.repository';

const FIELDS = ['state', 'resolvedAt', 'resolvedBy'];

/** A settlement the family has just left, as the departure recorded it. */
export interface Departure {
  settlementId: number;
  applicationId: number;
  regionId: number;
  actualArrival: string;
  departedOn: string;
}

/**
 * The residence obligation (docs/support-payments.md): off unless an admin keeps the
 * setting `residence_obligation` in force. Under it, a family leaving its settlement
 * region within the years raises a recovery task for the support it was paid there,
 * which the region's official closes as recovered or waived.
 */
@Injectable()
export class SupportRecoveriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recoveries: SupportRecoveriesRepository,
    private readonly audit: AuditService,
    private readonly reads: PersonalDataReads,
  ) {}

  /** In the departure's transaction: the recovery task, when the rule is on, broken and support was paid. */
  async onDeparture(manager: EntityManager, ctx: RequestContext, departure: Departure): Promise<void> {
    const rule = await this.recoveries.obligationBroken(manager, departure.actualArrival, departure.departedOn);
    if (rule === null) return;
    const paid = await this.recoveries.paidIn(manager, departure.applicationId, departure.regionId);
    if (paid.ids.length === 0) return;
    const row = await this.recoveries.insert(manager, {
      applicationId: departure.applicationId,
      settlementId: departure.settlementId,
      regionId: departure.regionId,
      departedOn: departure.departedOn,
      settingId: rule.settingId,
      years: rule.years,
      paymentIds: paid.ids,
      amountKzt: paid.amount,
    });
    await appendTimelineEvent(manager, {
      applicationId: row.applicationId,
      actorId: ctx.actor?.id ?? null,
      type: 'updated',
      transition: 'support_recovery.create',
      message: coded('timeline.support_recovery_raised', { amountKzt: row.amountKzt, years: row.years }),
      data: { supportRecoveryId: row.id },
    });
    await this.audit.record(manager, ctx, {
      action: 'support_recovery.create',
      entityType: 'support_recovery',
      entityId: row.id,
      regionId: row.regionId,
      changes: diff(null, row, ['settlementId', 'departedOn', 'settingId', 'years', 'paymentIds', 'amountKzt']),
    });
  }

  async list(ctx: AuthedContext, query: ParsedListQuery): Promise<ListResult<SupportRecoveryView>> {
    const page = await this.recoveries.listPage(query, regionScope(ctx.actor, 'support-recoveries', 'list'));
    await this.reads.workList(ctx, 'support_recovery', page.items);
    return page;
  }

  async get(ctx: AuthedContext, id: number): Promise<SupportRecoveryView> {
    const scope = regionScope(ctx.actor, 'support-recoveries', 'show');
    const row = await this.recoveries.findVisible(this.dataSource.manager, id, scope);
    if (!row) throw DomainError.notFound('support_recovery');
    await this.reads.workList(ctx, 'support_recovery', [row]);
    return row;
  }

  /** The official closes the task: the support came back, or it is waived. Once. */
  resolve(ctx: AuthedContext, id: number, dto: ResolveRecoveryDto): Promise<SupportRecoveryView> {
    const scope = regionScope(ctx.actor, 'support-recoveries', 'edit');
    return this.dataSource.transaction(async (manager) => {
      const before = await this.recoveries.lockVisible(manager, id, scope);
      if (!before) throw DomainError.notFound('support_recovery');
      if (before.version !== dto.version) throw DomainError.stale('support_recovery');
      if (before.state !== 'open') throw new DomainError(ErrorKind.Conflict, 'support.recovery_resolved');
      const after = await updateVersioned(manager, SupportRecovery, 'support_recovery', id, dto.version, {
        state: dto.outcome,
        resolvedAt: new Date(),
        resolvedBy: ctx.actor.id,
      });
      await appendTimelineEvent(manager, {
        applicationId: after.applicationId,
        actorId: ctx.actor.id,
        type: 'updated',
        transition: 'support_recovery.resolve',
        message: coded('timeline.support_recovery_resolved', { recoveryState: after.state, amountKzt: after.amountKzt }),
        data: { supportRecoveryId: id },
      });
      await this.audit.record(manager, ctx, {
        action: 'support_recovery.resolve',
        entityType: 'support_recovery',
        entityId: id,
        regionId: after.regionId,
        changes: diff(before, after, FIELDS),
      });
      return (await this.recoveries.findVisible(manager, id, null))!;
    });
  }
}
