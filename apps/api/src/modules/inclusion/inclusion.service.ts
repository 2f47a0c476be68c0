import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { computeDueDate, todayInKazakhstan } from '@qonys/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthedContext, RequestContext } from '../../common/auth/actor';
import { inScope, regionScope } from '../../common/auth/region-scope';
import { coded, DomainError, ErrorKind, type FieldMessages } from '../../common/errors/domain-error';
import type { ListResult, ParsedListQuery } from '../../common/list/list-query';
import { updateVersioned } from '../../common/persistence/versioned-update';
import { AuditService, diff } from '../audit/audit.service';
import { PersonalDataReads } from '../audit/personal-data-reads.service';
import { appendTimelineEvent } from '../../common/timeline';
import { type ReleaseReason, reasonText, ReservationsService } from '../quotas/reservations.service';
import { inWorkScope, workScope } from '../quotas/work-scope';
import { CalendarService } from '../reference-data/calendar.service';
import { SettlementsService } from '../settlements/settlements.service';
import type {
  CreateInclusionRequestDto,
  InclusionDecisionDto,
  WithdrawInclusionDto,
} from './dto/inclusion-request.dto';
import { InclusionRequest } from './entities/inclusion-request.entity';
import { InclusionRepository, type InclusionRequestView } from './inclusion.repository';

const DECISION_FIELDS = ['status', 'regionId', 'persons', 'decidedAt', 'decidedBy', 'refusalReason'];

/**
 * Inclusion of approved kandas families in a region's quota: the family's request
 * (ranked preferences with consent, relatives, adaptation plan), the region's
 * commission decision (include with a reservation, or refuse with a reason), and
 * withdrawal (which releases the places).
 */
@Injectable()
export class InclusionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requests: InclusionRepository,
    private readonly reservations: ReservationsService,
    private readonly settlements: SettlementsService,
    private readonly calendar: CalendarService,
    private readonly audit: AuditService,
    private readonly reads: PersonalDataReads,
  ) {}

  async list(ctx: AuthedContext, query: ParsedListQuery): Promise<ListResult<InclusionRequestView>> {
    const page = await this.requests.listPage(query, workScope(ctx.actor, 'inclusion-requests', 'list'));
    await this.reads.workList(ctx, 'inclusion_request', page.items);
    return page;
  }

  /** A regional official reads every family a batch may place in the region; deciding stays with the request's region. */
  async get(ctx: AuthedContext, id: number): Promise<InclusionRequestView> {
    const row = await this.requests.findVisible(
      this.dataSource.manager,
      id,
      workScope(ctx.actor, 'inclusion-requests', 'show'),
    );
    if (!row) throw DomainError.notFound('inclusion_request');
    await this.reads.workList(ctx, 'inclusion_request', [row]);
    return row;
  }

  async create(ctx: AuthedContext, dto: CreateInclusionRequestDto): Promise<InclusionRequestView> {
    const rules = await this.calendar.holidayRules();
    return this.dataSource.transaction(async (manager) => {
      const scope = regionScope(ctx.actor, 'inclusion-requests', 'create');
      const application = await this.requests.caseForInclusion(manager, dto.applicationId);
      if (!application || !inScope(scope, application.regionId)) throw DomainError.notFound('application');
      if (application.status !== 'approved') {
        throw new DomainError(ErrorKind.Conflict, 'inclusion.case_not_approved', { status: application.status });
      }
      const errors: FieldMessages = {};
      if (dto.consent !== true) errors.consent = 'inclusion.consent_required';
      const notSettlement = await this.requests.notSettlementRegions(manager, dto.preferredRegionIds, dto.year);
      if (notSettlement.length > 0) {
        errors.preferredRegionIds = coded('inclusion.not_settlement_regions', { year: dto.year, regions: notSettlement.join(', ') });
      }
      const relatives = dto.relativesRegionIds ?? [];
      const missing = await this.requests.missingRegions(manager, relatives);
      if (missing.length > 0) errors.relativesRegionIds = coded('region.not_found_ids', { regions: missing.join(', ') });
      if (Object.keys(errors).length > 0) throw DomainError.invalid(errors);
      if (application.activeMembers < 1)
        throw new DomainError(ErrorKind.Conflict, 'inclusion.no_active_members');
      if (await this.requests.hasOpenRequest(manager, application.id)) {
        throw new DomainError(ErrorKind.Conflict, 'inclusion.already_open');
      }
      const today = todayInKazakhstan();
      const days = await this.requests.statusDecisionDays(manager, today);
      const row = await this.requests.insert(manager, {
        applicationId: application.id,
        year: dto.year,
        category: dto.category ?? 'kandas',
        preferredRegionIds: dto.preferredRegionIds,
        consent: true,
        relativesRegionIds: relatives,
        adaptationServices: dto.adaptationServices ?? [],
        adaptationNotes: dto.adaptationNotes?.trim() || null,
        persons: application.activeMembers,
        regionId: dto.preferredRegionIds[0],
        deadlineDue: days === null ? null : computeDueDate(today, days, rules),
        createdBy: ctx.actor.id,
      });
      await appendTimelineEvent(manager, {
        applicationId: application.id,
        actorId: ctx.actor.id,
        type: 'updated',
        transition: 'inclusion.request',
        message: coded('timeline.inclusion_requested', { year: row.year, category: row.category, persons: row.persons }),
        data: { inclusionRequestId: row.id, preferredRegionIds: row.preferredRegionIds, deadlineDue: row.deadlineDue },
      });
      await this.audit.record(manager, ctx, {
        action: 'inclusion_request.create',
        entityType: 'inclusion_request',
        entityId: row.id,
        regionId: row.regionId,
        changes: diff(null, row, [
          'applicationId',
          'year',
          'category',
          'preferredRegionIds',
          'relativesRegionIds',
          'adaptationServices',
          'adaptationNotes',
          'persons',
          'regionId',
          'deadlineDue',
        ]),
      });
      return this.view(manager, row.id);
    });
  }

  /** The region's commission decides: include (the whole family reserved, or 409 and nothing changes) or refuse. */
  async decide(ctx: AuthedContext, id: number, dto: InclusionDecisionDto): Promise<InclusionRequestView> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.lockInScope(manager, ctx, id, dto.version);
      if (before.status !== 'submitted') {
        throw new DomainError(ErrorKind.Conflict, 'inclusion.decided', { requestStatus: before.status });
      }
      const application = (await this.requests.caseForInclusion(manager, before.applicationId))!;
      const regionId = dto.regionId ?? before.regionId;
      const scope = regionScope(ctx.actor, 'inclusion-requests', 'edit');
      if (!inScope(scope, regionId)) {
        throw new DomainError(ErrorKind.Forbidden, 'inclusion.own_region_only');
      }
      let patch: Partial<InclusionRequest>;
      let reservationId: number | null = null;
      if (dto.decision === 'include') {
        if (application.status !== 'approved') {
          throw new DomainError(ErrorKind.Conflict, 'inclusion.case_not_approved', { status: application.status });
        }
        const reservation = await this.reservations.reserve(manager, ctx, {
          applicationId: before.applicationId,
          inclusionRequestId: before.id,
          regionId,
          year: before.year,
          category: before.category,
          persons: application.activeMembers,
        });
        reservationId = reservation.id;
        patch = { status: 'included', regionId, persons: application.activeMembers };
      } else {
        const reason = dto.reason?.trim();
        if (!reason) throw DomainError.invalid({ reason: 'inclusion.refusal_needs_reason' });
        patch = { status: 'refused', refusalReason: reason };
      }
      const after = await updateVersioned(manager, InclusionRequest, 'inclusion_request', id, dto.version, {
        ...patch,
        decidedAt: new Date(),
        decidedBy: ctx.actor.id,
      });
      const settlement =
        reservationId === null ? null : await this.settlements.createForReservation(manager, ctx, reservationId);
      await appendTimelineEvent(manager, {
        applicationId: after.applicationId,
        actorId: ctx.actor.id,
        type: 'updated',
        transition: `inclusion.${dto.decision}`,
        comment:
          dto.decision === 'include'
            ? `Included in the ${after.year} ${after.category} quota: ${after.persons} persons reserved`
            : after.refusalReason,
        data: { inclusionRequestId: id, regionId: after.regionId, reservationId, settlementId: settlement?.id ?? null },
      });
      await this.audit.record(manager, ctx, {
        action: `inclusion_request.${dto.decision}`,
        entityType: 'inclusion_request',
        entityId: id,
        regionId: after.regionId,
        changes: {
          ...diff(before, after, DECISION_FIELDS),
          ...(reservationId ? { reservationId: { before: null, after: reservationId } } : {}),
        },
      });
      return this.view(manager, id);
    });
  }

  /** The family withdraws: an included family's places return to the quota. */
  async withdraw(ctx: AuthedContext, id: number, dto: WithdrawInclusionDto): Promise<InclusionRequestView> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.lockInScope(manager, ctx, id, dto.version);
      if (before.status !== 'submitted' && before.status !== 'included') {
        throw new DomainError(ErrorKind.Conflict, 'inclusion.not_open', { requestStatus: before.status });
      }
      await this.releasePlaces(manager, ctx, before.applicationId, coded('ledger.withdrawn', { reason: dto.reason }));
      const after = await updateVersioned(manager, InclusionRequest, 'inclusion_request', id, dto.version, {
        status: 'withdrawn',
      });
      await appendTimelineEvent(manager, {
        applicationId: after.applicationId,
        actorId: ctx.actor.id,
        type: 'updated',
        transition: 'inclusion.withdraw',
        comment: dto.reason,
        data: { inclusionRequestId: id },
      });
      await this.audit.record(manager, ctx, {
        action: 'inclusion_request.withdraw',
        entityType: 'inclusion_request',
        entityId: id,
        regionId: after.regionId,
        changes: { ...diff(before, after, ['status']), reason: { before: null, after: dto.reason } },
      });
      return this.view(manager, id);
    });
  }

  /**
   * The case ended (withdrawn, status expired or revoked), inside the transition's
   * transaction: open requests are withdrawn, reserved places released and a planned
   * settlement cancelled. A family that has already settled keeps its history.
   */
  async onCaseEnded(
    manager: EntityManager,
    ctx: RequestContext,
    applicationId: number,
    caseStatus: string,
  ): Promise<void> {
    const reason = coded('ledger.case_closed', { status: caseStatus });
    const live = await this.reservations.findLive(manager, applicationId);
    // Settled: the family arrived; its reservation and request stay as history.
    if (live?.status === 'settled') return;
    await this.releasePlaces(manager, ctx, applicationId, reason);
    for (const request of await this.requests.openRequests(manager, applicationId)) {
      await updateVersioned(manager, InclusionRequest, 'inclusion_request', request.id, request.version, {
        status: 'withdrawn',
      });
      await appendTimelineEvent(manager, {
        applicationId,
        actorId: ctx.actor?.id ?? null,
        type: 'updated',
        transition: 'inclusion.withdraw',
        message: reason,
        data: { inclusionRequestId: request.id },
      });
      await this.audit.record(manager, ctx, {
        action: 'inclusion_request.withdraw',
        entityType: 'inclusion_request',
        entityId: request.id,
        regionId: request.regionId,
        changes: { status: { before: request.status, after: 'withdrawn' }, reason: { before: null, after: reasonText(reason) } },
      });
    }
  }

  private async releasePlaces(
    manager: EntityManager,
    ctx: RequestContext,
    applicationId: number,
    reason: ReleaseReason,
  ): Promise<void> {
    const reserved = await this.reservations.findReserved(manager, applicationId);
    if (!reserved) return;
    await this.reservations.release(manager, ctx, reserved.id, reason);
    await this.settlements.cancelPlanned(manager, ctx, reserved.id, reason);
  }

  /** What every read and write answers: the request with its case's names (read inside the write's transaction). */
  private async view(manager: EntityManager, id: number): Promise<InclusionRequestView> {
    return (await this.requests.findVisible(manager, id, null))!;
  }

  /** Locks the case, then the request (the order transitions use), in the caller's scope and at the expected version. */
  private async lockInScope(
    manager: EntityManager,
    ctx: AuthedContext,
    id: number,
    version: number,
  ): Promise<InclusionRequest> {
    const peek = await this.requests.findById(manager, id);
    if (!peek || !inWorkScope(workScope(ctx.actor, 'inclusion-requests', 'edit'), peek)) {
      throw DomainError.notFound('inclusion_request');
    }
    await this.requests.caseForInclusion(manager, peek.applicationId);
    const row = (await this.requests.findById(manager, id, { lock: true }))!;
    if (row.version !== version) throw DomainError.stale('inclusion_request');
    return row;
  }
}
