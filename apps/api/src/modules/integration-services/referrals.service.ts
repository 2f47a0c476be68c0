import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  canApplyReferralAction,
  type MessageCode,
  REFERRAL_CANCEL_REASONS,
  REFERRAL_FAILURE_REASONS,
  REFERRAL_REJECT_REASONS,
  type ReferralCancelReason,
  type ReferralFailureReason,
  type ReferralState,
  type ReferralView,
  roleMayTakeReferralAction,
  todayInKazakhstan,
} from '@qonys/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor, AuthedContext } from '../../common/auth/actor';
import { providerScope, regionScope } from '../../common/auth/region-scope';
import { coded, DomainError, ErrorKind, type FieldMessages } from '../../common/errors/domain-error';
import { ListResult, type ParsedListQuery } from '../../common/list/list-query';
import { updateVersioned } from '../../common/persistence/versioned-update';
import { appendTimelineEvent } from '../../common/timeline';
import { ApplicantMessagesOutbox } from '../applicant-messages/applicant-messages.outbox';
import { AuditService, diff } from '../audit/audit.service';
import { PersonalDataReads } from '../audit/personal-data-reads.service';
import { StaffNotifier } from '../notifications/staff-notifier';
import { CalendarService } from '../reference-data/calendar.service';
import { AdaptationPlansRepository } from './adaptation-plans.repository';
import type { CreateReferralDto, ReferralTransitionDto } from './dto/referral.dto';
import { Referral } from './entities/referral.entity';
import {
  type ReferralDetails,
  type ReferralScope,
  ReferralsRepository,
  type StaffReferralRow,
} from './referrals.repository';

const STEP_FIELDS = [
  'state',
  'respondedAt',
  'waitlistedAt',
  'enrolledAt',
  'completedAt',
  'cancelledAt',
  'rejectReason',
  'outcome',
  'failureReason',
  'cancelReason',
  'providerNotes',
];

const TIMELINE: Record<Exclude<ReferralState, 'requested'>, MessageCode> = {
  accepted: 'timeline.referral_accepted',
  waitlisted: 'timeline.referral_waitlisted',
  rejected: 'timeline.referral_rejected',
  enrolled: 'timeline.referral_enrolled',
  completed: 'timeline.referral_completed',
  cancelled: 'timeline.referral_cancelled',
};

const AUDIT_ACTION = {
  accepted: 'referral.accept',
  waitlisted: 'referral.waitlist',
  rejected: 'referral.reject',
  enrolled: 'referral.enrol',
  completed: 'referral.complete',
  cancelled: 'referral.cancel',
} as const;

const isIn = <T extends string>(list: readonly T[], value: string | undefined): value is T =>
  value !== undefined && (list as readonly string[]).includes(value);

/**
 * Referrals of plan items to providers (docs/integration-services.md): a provider
 * accepts while it has a place in the month — else the referral waits in order — and
 * enrols and records the outcome; the referring region cancels, which frees the place
 * for the first one waiting. Each step is audited and on the case's timeline.
 */
@Injectable()
export class ReferralsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly referrals: ReferralsRepository,
    private readonly plans: AdaptationPlansRepository,
    private readonly calendar: CalendarService,
    private readonly audit: AuditService,
    private readonly reads: PersonalDataReads,
    private readonly notifier: StaffNotifier,
    private readonly outbox: ApplicantMessagesOutbox,
  ) {}

  async list(ctx: AuthedContext, query: ParsedListQuery): Promise<ListResult<ReferralView>> {
    const scope = this.scope(ctx.actor, 'list');
    const page =
      scope.providerId === null
        ? await this.referrals.staffPage(query, scope)
        : await this.referrals.providerPage(query, scope);
    const { views, personIds } = await this.views(this.dataSource.manager, ctx.actor, page.items);
    await this.recordRead(ctx, personIds);
    return new ListResult(page.resource, views, page.start, page.total);
  }

  async get(ctx: AuthedContext, id: number): Promise<ReferralView> {
    const { views, personIds } = await this.shown(
      this.dataSource.manager,
      ctx.actor,
      id,
      this.scope(ctx.actor, 'show'),
    );
    await this.recordRead(ctx, personIds);
    return views[0];
  }

  create(ctx: AuthedContext, dto: CreateReferralDto): Promise<ReferralView> {
    return this.dataSource.transaction(async (manager) => {
      const scope = regionScope(ctx.actor, 'referrals', 'create');
      // Locked: two referrals of one item wait for each other, and the second finds the first.
      const item = await this.plans.itemForReferral(manager, dto.planItemId);
      if (!item || (scope !== null && scope !== item.regionId)) throw DomainError.notFound('adaptation_plan');
      const today = todayInKazakhstan();
      const period = `${dto.period}-01`;
      const errors: FieldMessages = {};
      const offer = await this.referrals.providerOffer(manager, dto.providerId, item.serviceTypeId, today);
      if (!offer) errors.providerId = 'provider.not_found';
      else if (offer.regionId !== item.regionId) errors.providerId = 'referral.provider_other_region';
      else if (!offer.activeOn) errors.providerId = 'referral.provider_not_active';
      else if (offer.providerServiceId === null) errors.providerId = 'referral.provider_not_offering';
      if (dto.period < today.slice(0, 7)) errors.period = 'referral.period_past';
      if (Object.keys(errors).length > 0) throw DomainError.invalid(errors);
      const open = await this.referrals.liveReferralOf(manager, item.id);
      if (open !== null) throw new DomainError(ErrorKind.Conflict, 'referral.already_open', { referral: open });

      const row = await this.referrals.insert(manager, {
        planItemId: item.id,
        applicationId: item.applicationId,
        regionId: item.regionId,
        providerId: offer!.providerId,
        providerServiceId: offer!.providerServiceId!,
        personId: item.personId,
        period,
        consentToShare: dto.consentToShare,
        dueDate: await this.calendar.addWorkingDays(today, item.responseWorkingDays),
        requestedAt: new Date(),
        note: dto.note || null,
        createdBy: ctx.actor.id,
      });
      const details = (await this.referrals.details(manager, [row.id])).get(row.id)!;
      await this.writeHistory(manager, ctx, row, details, 'referral.create', 'timeline.referral_requested', {
        ...diff(null, row, ['planItemId', 'providerId', 'personId', 'period', 'consentToShare', 'dueDate', 'note']),
      });
      return this.view(manager, ctx.actor, row.id, { regionId: null, providerId: null });
    });
  }

  transition(ctx: AuthedContext, id: number, dto: ReferralTransitionDto): Promise<ReferralView> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.referrals.lockVisible(manager, id, this.scope(ctx.actor, 'edit'));
      if (!before) throw DomainError.notFound('referral');
      if (!roleMayTakeReferralAction(ctx.actor.role, dto.action)) {
        throw new DomainError(ErrorKind.Forbidden, 'referral.provider_cannot_cancel');
      }
      if (dto.version !== undefined && dto.version !== before.version) throw DomainError.stale('referral');
      if (!canApplyReferralAction(before.state, dto.action)) {
        throw new DomainError(ErrorKind.Conflict, 'referral.not_allowed', { referralState: before.state });
      }
      const patch = await this.step(manager, before, dto);
      if (dto.providerNotes !== undefined) patch.providerNotes = dto.providerNotes || null;
      const after = await this.save(manager, ctx, before, patch);
      if (dto.action === 'cancel' && (before.state === 'accepted' || before.state === 'enrolled')) {
        await this.referrals.releasePlace(manager, before.providerServiceId, before.period);
        await this.fillFreePlaces(manager, ctx, before.providerServiceId, before.period);
      }
      return this.view(manager, ctx.actor, after.id, { regionId: null, providerId: null });
    });
  }

  /** The step's columns; a reason or an outcome the action needs is checked here, per field. */
  private async step(manager: EntityManager, row: Referral, dto: ReferralTransitionDto): Promise<Partial<Referral>> {
    const now = new Date();
    switch (dto.action) {
      case 'accept':
        return (await this.referrals.takePlace(manager, row.providerServiceId, row.period))
          ? { state: 'accepted', respondedAt: now }
          : { state: 'waitlisted', respondedAt: now, waitlistedAt: now };
      case 'reject':
        return {
          state: 'rejected',
          respondedAt: now,
          rejectReason: this.reason(REFERRAL_REJECT_REASONS, dto.reason, 'referral.reason_required')!,
        };
      case 'enrol':
        return { state: 'enrolled', enrolledAt: now };
      case 'complete': {
        if (dto.outcome === undefined) throw DomainError.invalid({ outcome: 'referral.outcome_required' });
        const failureReason =
          dto.outcome === 'not_successful'
            ? this.reason<ReferralFailureReason>(
                REFERRAL_FAILURE_REASONS,
                dto.reason,
                'referral.failure_reason_required',
              )
            : null;
        if (dto.outcome === 'successful' && dto.reason !== undefined) {
          throw DomainError.invalid({ reason: 'validation.not_allowed' });
        }
        return { state: 'completed', completedAt: now, outcome: dto.outcome, failureReason };
      }
      case 'cancel':
        return {
          state: 'cancelled',
          cancelledAt: now,
          cancelReason: this.reason<ReferralCancelReason>(REFERRAL_CANCEL_REASONS, dto.reason, null),
        };
    }
  }

  /** A reason code of the action's list; when none is given, `missing` says why one is needed (null: optional). */
  private reason<T extends string>(
    list: readonly T[],
    value: string | undefined,
    missing: MessageCode | null,
  ): T | null {
    if (value === undefined) {
      if (missing !== null) throw DomainError.invalid({ reason: missing });
      return null;
    }
    if (!isIn(list, value))
      throw DomainError.invalid({ reason: coded('validation.is_in', { values: list.join(', ') }) });
    return value;
  }

  /** A place freed: the first referral waiting for the same service and month takes it. */
  /**
   * After a provider's places per month grew: in every month with a waiting list, the
   * waiting referrals take the new places in their order. In the caller's transaction.
   */
  async promoteWaitingOf(manager: EntityManager, ctx: AuthedContext, providerId: number): Promise<void> {
    for (const queue of await this.referrals.waitingQueues(manager, providerId)) {
      await this.fillFreePlaces(manager, ctx, queue.providerServiceId, queue.period);
    }
  }

  /** The first waiting referrals of a service and month take its free places, in order, while there are any. */
  private async fillFreePlaces(
    manager: EntityManager,
    ctx: AuthedContext,
    providerServiceId: number,
    period: string,
  ): Promise<void> {
    for (;;) {
      const next = await this.referrals.lockNextWaiting(manager, providerServiceId, period);
      if (!next || !(await this.referrals.takePlace(manager, providerServiceId, period))) return;
      await this.save(manager, ctx, next, { state: 'accepted' });
    }
  }

  private async save(
    manager: EntityManager,
    ctx: AuthedContext,
    before: Referral,
    patch: Partial<Referral>,
  ): Promise<Referral> {
    const after = await updateVersioned(manager, Referral, 'referral', before.id, before.version, patch);
    const state = after.state as Exclude<ReferralState, 'requested'>;
    const details = (await this.referrals.details(manager, [after.id])).get(after.id)!;
    await this.notifier.referralAnswered(manager, ctx.actor.id, after.id, after.state);
    // A place taken, on answer or off the waiting list: the family hears of it (docs/applicant-messages.md).
    if (state === 'accepted') {
      await this.outbox.queue(manager, {
        applicationId: after.applicationId,
        kind: 'referral_accepted',
        eventKey: after.id,
        params: { service: details.serviceName, provider: details.providerName, period: after.period.slice(0, 7) },
      });
    }
    await this.writeHistory(
      manager,
      ctx,
      after,
      details,
      AUDIT_ACTION[state],
      TIMELINE[state],
      diff(before, after, STEP_FIELDS),
    );
    return after;
  }

  /** Call last in the transaction: the audit chain stays locked until commit. */
  private async writeHistory(
    manager: EntityManager,
    ctx: AuthedContext,
    row: Referral,
    details: Pick<ReferralDetails, 'providerName' | 'serviceName'>,
    action: (typeof AUDIT_ACTION)[keyof typeof AUDIT_ACTION] | 'referral.create',
    timeline: MessageCode,
    changes: ReturnType<typeof diff>,
  ): Promise<void> {
    await appendTimelineEvent(manager, {
      applicationId: row.applicationId,
      actorId: ctx.actor.id,
      type: 'updated',
      transition: action,
      message: coded(timeline, { provider: details.providerName, service: details.serviceName }),
      data: { referralId: row.id, state: row.state },
    });
    await this.audit.record(manager, ctx, {
      action,
      entityType: 'referral',
      entityId: row.id,
      regionId: row.regionId,
      changes,
    });
  }

  private async view(manager: EntityManager, actor: Actor, id: number, scope: ReferralScope): Promise<ReferralView> {
    return (await this.shown(manager, actor, id, scope)).views[0];
  }

  private async shown(manager: EntityManager, actor: Actor, id: number, scope: ReferralScope) {
    const row =
      actor.role === 'provider_staff'
        ? await this.referrals.findVisible(manager, id, { ...scope, providerId: scope.providerId ?? actor.providerId })
        : await this.referrals.findStaffRow(manager, id, scope);
    if (!row) throw DomainError.notFound('referral');
    return this.views(manager, actor, [row]);
  }

  /**
   * The rows as the caller may see them: staff with the case and the member; a
   * provider's staff with neither, and with the family's contact only by its consent.
   */
  private async views(
    manager: EntityManager,
    actor: Actor,
    rows: (Referral | StaffReferralRow)[],
  ): Promise<{ views: ReferralView[]; personIds: number[] }> {
    const details = await this.referrals.details(
      manager,
      rows.map((r) => r.id),
    );
    const personIds: number[] = [];
    const views = rows.map((row): ReferralView => {
      const d = details.get(row.id)!;
      const common = shared(row, d);
      if (actor.role !== 'provider_staff') {
        const staff = row as StaffReferralRow;
        if (staff.applicantId !== null) personIds.push(staff.applicantId);
        if (staff.personId !== null) personIds.push(staff.personId);
        return {
          ...common,
          applicationId: staff.applicationId,
          planItemId: staff.planItemId,
          personId: staff.personId,
          personName: staff.personId === null ? null : d.personName,
          applicationNumber: staff.applicationNumber,
          applicantName: staff.applicantName,
          applicantId: staff.applicantId,
        };
      }
      const contact = row.consentToShare && d.personName !== null ? { name: d.personName, phone: d.personPhone } : null;
      if (contact && d.contactPersonId !== null) personIds.push(d.contactPersonId);
      return { ...common, contact };
    });
    return { views, personIds };
  }

  /** One read entry per answer, naming everyone it showed (docs/personal-data.md, Reads). */
  private recordRead(ctx: AuthedContext, personIds: number[]): Promise<void> {
    return this.reads.record(ctx, { action: 'work_list.view', entityType: 'referral', personIds });
  }

  private scope(actor: Actor, action: 'list' | 'show' | 'edit'): ReferralScope {
    return { regionId: regionScope(actor, 'referrals', action), providerId: providerScope(actor, 'referrals', action) };
  }
}

/** What every caller sees of a referral. */
function shared(row: Referral, d: ReferralDetails): ReferralView {
  return {
    id: row.id,
    regionId: row.regionId,
    providerId: row.providerId,
    providerName: d.providerName,
    serviceTypeId: d.serviceTypeId,
    serviceName: d.serviceName,
    period: row.period.slice(0, 7),
    state: row.state,
    consentToShare: row.consentToShare,
    dueDate: row.dueDate,
    requestedAt: row.requestedAt.toISOString(),
    respondedAt: row.respondedAt?.toISOString() ?? null,
    waitlistedAt: row.waitlistedAt?.toISOString() ?? null,
    enrolledAt: row.enrolledAt?.toISOString() ?? null,
    completedAt: row.completedAt?.toISOString() ?? null,
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    rejectReason: row.rejectReason,
    outcome: row.outcome,
    failureReason: row.failureReason,
    cancelReason: row.cancelReason,
    note: row.note,
    providerNotes: row.providerNotes,
    version: row.version,
    waitlistPosition: d.waitlistPosition,
  };
}
