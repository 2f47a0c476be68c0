import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { todayInKazakhstan } from '@qonys/domain';
import type { AuthedContext, RequestContext } from '../../common/auth/actor';
import { coded, DomainError, ErrorKind, type FieldMessages } from '../../common/errors/domain-error';
import type { ListResult, ParsedListQuery } from '../../common/list/list-query';
import { updateVersioned } from '../../common/persistence/versioned-update';
import { AuditService, diff } from '../audit/audit.service';
import { PersonalDataReads } from '../audit/personal-data-reads.service';
import type { ListRows } from '../exports/exports.service';
import { appendTimelineEvent } from '../../common/timeline';
import { type ReleaseReason, reasonText, ReservationsService } from '../quotas/reservations.service';
import { inWorkScope, workScope } from '../quotas/work-scope';
import {
  type FamilyConsent,
  type MoveOutcome,
  type TransferSubject,
  TransferRequestsService,
} from '../transfers/transfer-requests.service';
import type { ArrivalDto, DepartureDto, MoveSettlementDto, UpdateSettlementDto } from './dto/settlement.dto';
import { SupportRecoveriesService } from '../support-payments/support-recoveries.service';
import { Settlement } from './entities/settlement.entity';
import { SettlementsRepository, type SettlementView } from './settlements.repository';

const EDITABLE = ['district', 'locality', 'housing', 'plannedArrival'] as const;

/**
 * Settlement of included families: where and how they live, arrival (which moves
 * the reservation to settled), and moving to another region — only by a new
 * reservation in that region's quota, never by editing the region; a regional
 * official asks the other region instead (a transfer request, docs/transfers.md).
 */
@Injectable()
export class SettlementsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settlements: SettlementsRepository,
    private readonly reservations: ReservationsService,
    private readonly transfers: TransferRequestsService,
    private readonly recoveries: SupportRecoveriesService,
    private readonly audit: AuditService,
    private readonly reads: PersonalDataReads,
  ) {}

  async list(ctx: AuthedContext, query: ParsedListQuery): Promise<ListResult<SettlementView>> {
    const page = await this.settlements.listPage(query, workScope(ctx.actor, 'settlements', 'list'));
    await this.reads.workList(ctx, 'settlement', page.items);
    return page;
  }

  /** Every settlement of the list (its filters, sort and scope) for an export, each batch naming its applicants. */
  exportRows(ctx: AuthedContext, query: ParsedListQuery): ListRows {
    const scope = workScope(ctx.actor, 'settlements', 'list');
    const settlements = this.settlements;
    return {
      count: (cap) => settlements.exportCount(query, scope, cap),
      async *batches() {
        for await (const rows of settlements.exportBatches(query, scope))
          yield { rows, personIds: rows.flatMap((row) => (row.applicantId === null ? [] : [row.applicantId])) };
      },
    };
  }

  async get(ctx: AuthedContext, id: number): Promise<SettlementView> {
    const row = await this.settlements.findView(this.dataSource.manager, id);
    if (!row || !inWorkScope(workScope(ctx.actor, 'settlements', 'show'), row))
      throw DomainError.notFound('settlement');
    await this.reads.workList(ctx, 'settlement', [row]);
    return row;
  }

  /**
   * A planned settlement for a reservation that holds places (the inclusion decision
   * calls this in its transaction). Records its own audit entry: call it after any reservation.
   */
  async createForReservation(manager: EntityManager, ctx: AuthedContext, reservationId: number): Promise<Settlement> {
    const place = await this.settlements.reservationPlace(manager, reservationId);
    if (!place) throw DomainError.notFound('reservation');
    if (place.status !== 'reserved') throw new DomainError(ErrorKind.Conflict, 'reservation.not_reserved', { reservationStatus: place.status });
    if (await this.settlements.hasSettlement(manager, reservationId)) {
      throw new DomainError(ErrorKind.Conflict, 'reservation.has_settlement');
    }
    const row = await this.settlements.insert(manager, {
      reservationId,
      applicationId: place.applicationId,
      regionId: place.regionId,
    });
    await this.audit.record(manager, ctx, {
      action: 'settlement.create',
      entityType: 'settlement',
      entityId: row.id,
      regionId: row.regionId,
      changes: {
        applicationId: { before: null, after: row.applicationId },
        reservationId: { before: null, after: reservationId },
        regionId: { before: null, after: row.regionId },
        status: { before: null, after: row.status },
      },
    });
    return row;
  }

  /** POST /settlements: by the official of the reservation's region (or an admin). */
  async create(ctx: AuthedContext, reservationId: number): Promise<SettlementView> {
    return this.dataSource.transaction(async (manager) => {
      const place = await this.settlements.reservationPlace(manager, reservationId);
      if (!place || !inWorkScope(workScope(ctx.actor, 'settlements', 'create'), place)) {
        throw DomainError.notFound('reservation');
      }
      const created = await this.createForReservation(manager, ctx, reservationId);
      return this.view(manager, created.id);
    });
  }

  async update(ctx: AuthedContext, id: number, dto: UpdateSettlementDto): Promise<SettlementView> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.editable(manager, ctx, id, dto.version);
      const patch: Partial<Settlement> = {};
      for (const key of EDITABLE) if (dto[key] !== undefined) patch[key] = (dto[key] || null) as never;
      const after = await updateVersioned(manager, Settlement, 'settlement', id, dto.version, patch);
      const changes = diff(before, after, [...EDITABLE]);
      if (Object.keys(changes).length > 0) {
        await this.audit.record(manager, ctx, {
          action: 'settlement.update',
          entityType: 'settlement',
          entityId: id,
          regionId: after.regionId,
          changes,
        });
      }
      return this.view(manager, after.id);
    });
  }

  /** The regional official confirms the family arrived: the reservation's persons become settled. */
  async arrival(ctx: AuthedContext, id: number, dto: ArrivalDto): Promise<SettlementView> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.editable(manager, ctx, id, dto.version);
      if (dto.actualArrival > todayInKazakhstan()) {
        throw DomainError.invalid({ actualArrival: 'settlement.arrival_in_future' });
      }
      await this.reservations.settle(manager, ctx, before.reservationId);
      const after = await updateVersioned(manager, Settlement, 'settlement', id, dto.version, {
        status: 'arrived',
        actualArrival: dto.actualArrival,
        confirmedBy: ctx.actor.id,
      });
      await appendTimelineEvent(manager, {
        applicationId: after.applicationId,
        actorId: ctx.actor.id,
        type: 'updated',
        transition: 'settlement.arrival',
        message: coded('timeline.arrival_confirmed', { date: dto.actualArrival }),
        data: { settlementId: id, regionId: after.regionId, actualArrival: dto.actualArrival },
      });
      await this.transfers.expireOpen(manager, ctx, { settlementId: id });
      await this.audit.record(manager, ctx, {
        action: 'settlement.arrival',
        entityType: 'settlement',
        entityId: id,
        regionId: after.regionId,
        changes: diff(before, after, ['status', 'actualArrival', 'confirmedBy']),
      });
      return this.view(manager, after.id);
    });
  }

  /**
   * The family left its settlement region after arriving (docs/support-payments.md,
   * Residence obligation): the settlement becomes `departed`, which ends support and
   * follow-ups there; under the residence obligation a recovery task is raised.
   */
  async departure(ctx: AuthedContext, id: number, dto: DepartureDto): Promise<SettlementView> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.settlements.findById(manager, id, { lock: true });
      if (!before || !inWorkScope(workScope(ctx.actor, 'settlements', 'edit'), before))
        throw DomainError.notFound('settlement');
      if (before.version !== dto.version) throw DomainError.stale('settlement');
      if (before.status !== 'arrived')
        throw new DomainError(ErrorKind.Conflict, 'settlement.not_arrived', { settlementStatus: before.status });
      const errors: FieldMessages = {};
      if (dto.departedOn > todayInKazakhstan()) errors.departedOn = 'settlement.departure_in_future';
      else if (dto.departedOn < before.actualArrival!)
        errors.departedOn = coded('settlement.departure_before_arrival', { date: before.actualArrival! });
      if (dto.toRegionId === before.regionId) errors.toRegionId = 'settlement.departure_same_region';
      else if (dto.toRegionId !== undefined && !(await this.settlements.regionExists(manager, dto.toRegionId)))
        errors.toRegionId = coded('record.not_found', { entity: 'region' });
      if (Object.keys(errors).length > 0) throw DomainError.invalid(errors);
      const after = await updateVersioned(manager, Settlement, 'settlement', id, dto.version, {
        status: 'departed',
        departedOn: dto.departedOn,
        departedToRegionId: dto.toRegionId ?? null,
      });
      await appendTimelineEvent(manager, {
        applicationId: after.applicationId,
        actorId: ctx.actor.id,
        type: 'updated',
        transition: 'settlement.depart',
        message: coded('timeline.family_departed', { date: dto.departedOn }),
        data: { settlementId: id, regionId: after.regionId },
      });
      await this.audit.record(manager, ctx, {
        action: 'settlement.depart',
        entityType: 'settlement',
        entityId: id,
        regionId: after.regionId,
        changes: diff(before, after, ['status', 'departedOn', 'departedToRegionId']),
      });
      await this.recoveries.onDeparture(manager, ctx, {
        settlementId: id,
        applicationId: after.applicationId,
        regionId: after.regionId,
        actualArrival: after.actualArrival!,
        departedOn: dto.departedOn,
      });
      return this.view(manager, after.id);
    });
  }

  /**
   * Moves a family to another region: done at once by a caller who may spend that
   * region's quota (an admin), otherwise asked of that region as a transfer request
   * (202). A region the family did not choose needs their recorded consent.
   */
  async move(ctx: AuthedContext, id: number, dto: MoveSettlementDto): Promise<MoveOutcome<SettlementView>> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.editable(manager, ctx, id, dto.version);
      await this.reservations.checkMove(manager, before.reservationId, dto.regionId);
      const subject = await this.transferSubject(manager, before);
      if (this.transfers.needsTransfer(ctx.actor, 'settlements', dto.regionId)) {
        return { requested: await this.transfers.request(manager, ctx, subject, { ...dto, toRegionId: dto.regionId }) };
      }
      const consent = await this.transfers.consentFor(manager, subject, dto.regionId, dto);
      const next = await this.applyMove(manager, ctx, before, dto.regionId, dto.reason, consent);
      await this.transfers.expireOpen(manager, ctx, { settlementId: id });
      return { done: next };
    });
  }

  /** Locks a settlement a transfer request would move (before the request: the order every writer uses). */
  async lockForTransfer(manager: EntityManager, id: number): Promise<Settlement> {
    const row = await this.settlements.findById(manager, id, { lock: true });
    if (!row) throw DomainError.notFound('settlement');
    return row;
  }

  /** The receiving region accepted: the move itself, with the consent the request recorded. */
  async moveForTransfer(
    manager: EntityManager,
    ctx: AuthedContext,
    before: Settlement,
    regionId: number,
    reason: string,
    consent: FamilyConsent | null,
  ): Promise<SettlementView> {
    if (before.status !== 'planned')
      throw new DomainError(ErrorKind.Conflict, 'settlement.not_planned', { settlementStatus: before.status });
    return this.applyMove(manager, ctx, before, regionId, reason, consent);
  }

  private async transferSubject(manager: EntityManager, row: Settlement): Promise<TransferSubject> {
    const place = (await this.settlements.reservationPlace(manager, row.reservationId))!;
    return {
      kind: 'settlement',
      applicationId: row.applicationId,
      id: row.id,
      fromRegionId: row.regionId,
      inclusionRequestId: place.inclusionRequestId,
    };
  }

  /**
   * The old reservation is released and a new one made in the region's quota (409
   * when full — nothing changes); this settlement is cancelled and a new planned one
   * replaces it.
   */
  private async applyMove(
    manager: EntityManager,
    ctx: AuthedContext,
    before: Settlement,
    regionId: number,
    reason: string,
    consent: FamilyConsent | null,
  ): Promise<SettlementView> {
    const moved = await this.reservations.move(manager, ctx, before.reservationId, regionId, reason);
    await updateVersioned(manager, Settlement, 'settlement', before.id, before.version, { status: 'cancelled' });
    const next = await this.createForReservation(manager, ctx, moved.reserved.id);
    await appendTimelineEvent(manager, {
      applicationId: before.applicationId,
      actorId: ctx.actor.id,
      type: 'updated',
      transition: 'settlement.move',
      comment: reason,
      data: {
        fromRegionId: before.regionId,
        toRegionId: next.regionId,
        settlementId: next.id,
        reservationId: moved.reserved.id,
      },
    });
    await this.audit.record(manager, ctx, {
      action: 'settlement.move',
      entityType: 'settlement',
      entityId: before.id,
      regionId: before.regionId,
      changes: {
        status: { before: before.status, after: 'cancelled' },
        regionId: { before: before.regionId, after: next.regionId },
        replacedBy: { before: null, after: next.id },
        reason: { before: null, after: reason },
        ...(consent ? { familyConsent: { before: null, after: consent } } : {}),
      },
    });
    return this.view(manager, next.id);
  }

  /** What every read and write answers: the settlement with its case's names (inside the write's transaction). */
  private async view(manager: EntityManager, id: number): Promise<SettlementView> {
    return (await this.settlements.findView(manager, id))!;
  }

  /** The planned settlement, locked, in the caller's scope and at the version the change was based on. */
  private async editable(manager: EntityManager, ctx: AuthedContext, id: number, version: number): Promise<Settlement> {
    const row = await this.settlements.findById(manager, id, { lock: true });
    if (!row || !inWorkScope(workScope(ctx.actor, 'settlements', 'edit'), row))
      throw DomainError.notFound('settlement');
    if (row.version !== version) throw DomainError.stale('settlement');
    if (row.status !== 'planned')
      throw new DomainError(ErrorKind.Conflict, 'settlement.not_planned', { settlementStatus: row.status });
    return row;
  }

  /** When a case ends: its planned settlement is cancelled (its reservation is released by the caller). */
  async cancelPlanned(
    manager: EntityManager,
    ctx: RequestContext,
    reservationId: number,
    reason: ReleaseReason,
  ): Promise<void> {
    const row = await this.settlements.findPlannedForReservation(manager, reservationId);
    if (!row) return;
    await updateVersioned(manager, Settlement, 'settlement', row.id, row.version, { status: 'cancelled' });
    await this.audit.record(manager, ctx, {
      action: 'settlement.cancel',
      entityType: 'settlement',
      entityId: row.id,
      regionId: row.regionId,
      changes: { status: { before: 'planned', after: 'cancelled' }, reason: { before: null, after: reasonText(reason) } },
    });
    await this.transfers.expireOpen(manager, ctx, { settlementId: row.id });
  }
}
