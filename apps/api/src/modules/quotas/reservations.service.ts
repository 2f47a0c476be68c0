import { type QuotaCategory, todayInKazakhstan } from '@qonys/domain';
import { Injectable } from '@nestjs/common';
import { QueryFailedError, type EntityManager } from 'typeorm';
import type { AuthedContext, RequestContext } from '../../common/auth/actor';
import { type CodedMessage, englishMessage } from '@qonys/domain';
import { DomainError, ErrorKind } from '../../common/errors/domain-error';
import { type AuditEntry, AuditService } from '../audit/audit.service';
import type { Quota } from './entities/quota.entity';
import type { Reservation } from './entities/reservation.entity';
import { type QuotaKey, QuotasRepository } from './quotas.repository';

/** What a person typed, or the system's reason as a catalogue code (case closed, withdrawn). */
export type ReleaseReason = string | CodedMessage;

/** A release reason as text: for the reservation row and the audit log. */
export const reasonText = (reason: ReleaseReason): string =>
  typeof reason === 'string' ? reason.trim() : englishMessage(reason.code, reason.params);

export interface ReserveInput {
  applicationId: number;
  inclusionRequestId: number | null;
  regionId: number;
  year: number;
  category: QuotaCategory;
  /** The whole family's active member count: all of them fit, or none are reserved. */
  persons: number;
}

export interface ReservationRef {
  id: number;
  quotaId: number;
  persons: number;
}

const UNIQUE_VIOLATION = '23505';
const CHECK_VIOLATION = '23514';
const pgCode = (error: unknown): string | undefined =>
  error instanceof QueryFailedError ? (error.driverError as { code?: string }).code : undefined;

/**
 * Places in a regional quota, counted in persons. Every method runs inside the
 * caller's transaction (its `manager`) and writes the quota counters, the reservation,
 * the ledger entry and the audit entry there, so they commit or roll back together.
 * Reserving is one conditional UPDATE on the quota row: concurrent requests from any
 * number of replicas queue on that row, and the CHECK constraint is the safety net.
 *
 * Each method touches quota rows first and the audit log last: the audit chain's
 * lock is held until commit, so a caller must not reserve again after calling one.
 */
@Injectable()
export class ReservationsService {
  constructor(
    private readonly quotas: QuotasRepository,
    private readonly audit: AuditService,
  ) {}

  async reserve(manager: EntityManager, ctx: AuthedContext, input: ReserveInput): Promise<ReservationRef> {
    const { reservation, entry } = await this.reserveWithoutAudit(manager, ctx, input);
    await this.audit.record(manager, ctx, entry);
    return reservation;
  }

  /** Releases a reservation that is still `reserved` (a settled family is history); its persons return to the balance. */
  async release(
    manager: EntityManager,
    ctx: RequestContext,
    reservationId: number,
    reason: ReleaseReason,
  ): Promise<ReservationRef> {
    const { reservation, entry } = await this.releaseWithoutAudit(manager, ctx, reservationId, reason);
    await this.audit.record(manager, ctx, entry);
    return reservation;
  }

  /** The family arrived: its persons move from reserved to settled. */
  async settle(manager: EntityManager, ctx: AuthedContext, reservationId: number): Promise<ReservationRef> {
    const reservation = await this.lockReserved(manager, reservationId);
    await this.quotas.settlePersons(manager, reservation.quotaId, reservation.persons);
    await this.quotas.markSettled(manager, reservation.id);
    await this.quotas.insertLedgerEntry(manager, {
      quotaId: reservation.quotaId,
      entryDate: todayInKazakhstan(),
      kind: 'settle',
      reservedDelta: -reservation.persons,
      settledDelta: reservation.persons,
      reservationId: reservation.id,
      actorId: ctx.actor.id,
    });
    await this.audit.record(manager, ctx, {
      action: 'reservation.settle',
      entityType: 'reservation',
      entityId: reservation.id,
      regionId: await this.regionOf(manager, reservation.quotaId),
      changes: {
        status: { before: 'reserved', after: 'settled' },
        persons: { before: null, after: reservation.persons },
      },
    });
    return ref(reservation);
  }

  /**
   * Moves a family to another region's quota of the same year and category: the old
   * reservation is released and a new one made, atomically — when the new region is
   * full (409) nothing changes. Quota rows are updated in id order, so two moves in
   * opposite directions cannot deadlock.
   */
  async move(
    manager: EntityManager,
    ctx: AuthedContext,
    reservationId: number,
    regionId: number,
    reason: string,
  ): Promise<{ released: ReservationRef; reserved: ReservationRef }> {
    const { old, quota, target } = await this.checkMove(manager, reservationId, regionId);
    const input: ReserveInput = {
      applicationId: old.applicationId,
      inclusionRequestId: old.inclusionRequestId,
      regionId,
      year: quota.year,
      category: quota.category,
      persons: old.persons,
    };
    const entries: AuditEntry[] = [];
    let reserved: ReservationRef;
    if (target.id < quota.id) {
      // The new quota row first; the old reservation is released before the new row is inserted (one live per family).
      const quotaId = await this.takePlaces(manager, input);
      const released = await this.releaseWithoutAudit(manager, ctx, old.id, reason, old);
      entries.push(released.entry);
      const made = await this.recordReservation(manager, ctx, input, quotaId);
      reserved = made.reservation;
      entries.push(made.entry);
    } else {
      const released = await this.releaseWithoutAudit(manager, ctx, old.id, reason, old);
      entries.push(released.entry);
      const made = await this.reserveWithoutAudit(manager, ctx, input);
      reserved = made.reservation;
      entries.push(made.entry);
    }
    await this.audit.record(manager, ctx, ...entries);
    return { released: ref(old), reserved };
  }

  /**
   * Whether the reservation could move to the region, without taking places: locks it
   * (409 unless reserved), 400 when the family is already there, 404 without a quota
   * of the same year and category there.
   */
  async checkMove(
    manager: EntityManager,
    reservationId: number,
    regionId: number,
  ): Promise<{ old: Reservation; quota: Quota; target: Quota }> {
    const old = await this.lockReserved(manager, reservationId);
    const quota = await this.quotas.findById(old.quotaId, manager);
    if (!quota) throw DomainError.notFound('quota');
    if (quota.regionId === regionId) {
      throw DomainError.invalid({ regionId: 'quota.family_already_here' });
    }
    const target = await this.quotas.findByKey(manager, { year: quota.year, regionId, category: quota.category });
    if (!target) throw noQuota(quota);
    return { old, quota, target };
  }

  /** The family's live reservation (reserved or settled), if any. */
  findLive(manager: EntityManager, applicationId: number): Promise<Reservation | null> {
    return this.quotas.findLiveReservation(manager, applicationId);
  }

  /** The family's reservation still holding places (not yet settled), if any. */
  async findReserved(manager: EntityManager, applicationId: number): Promise<Reservation | null> {
    const live = await this.quotas.findLiveReservation(manager, applicationId);
    return live?.status === 'reserved' ? live : null;
  }

  private async reserveWithoutAudit(
    manager: EntityManager,
    ctx: AuthedContext,
    input: ReserveInput,
  ): Promise<{ reservation: ReservationRef; entry: AuditEntry }> {
    if (!Number.isInteger(input.persons) || input.persons < 1) {
      throw DomainError.invalid({ persons: 'quota.family_empty' });
    }
    if (await this.quotas.findLiveReservation(manager, input.applicationId)) {
      throw new DomainError(ErrorKind.Conflict, 'quota.family_already_reserved');
    }
    const quotaId = await this.takePlaces(manager, input);
    return this.recordReservation(manager, ctx, input, quotaId);
  }

  /** The conditional UPDATE; 404 without a quota, 409 when the whole family does not fit. */
  private async takePlaces(manager: EntityManager, input: ReserveInput): Promise<number> {
    const key: QuotaKey = { year: input.year, regionId: input.regionId, category: input.category };
    let quotaId: number | null;
    try {
      quotaId = await this.quotas.reservePersons(manager, key, input.persons);
    } catch (error) {
      if (pgCode(error) === CHECK_VIOLATION) throw quotaFull(input);
      throw error;
    }
    if (quotaId !== null) return quotaId;
    const quota = await this.quotas.findByKey(manager, key);
    if (!quota) throw noQuota(input);
    throw quotaFull(input, quota.capacity - quota.reserved - quota.settled);
  }

  private async recordReservation(
    manager: EntityManager,
    ctx: AuthedContext,
    input: ReserveInput,
    quotaId: number,
  ): Promise<{ reservation: ReservationRef; entry: AuditEntry }> {
    let reservation: Reservation;
    try {
      reservation = await this.quotas.insertReservation(manager, {
        quotaId,
        inclusionRequestId: input.inclusionRequestId,
        applicationId: input.applicationId,
        persons: input.persons,
        createdBy: ctx.actor.id,
      });
    } catch (error) {
      if (pgCode(error) === UNIQUE_VIOLATION) {
        throw new DomainError(ErrorKind.Conflict, 'quota.family_already_reserved');
      }
      throw error;
    }
    await this.quotas.insertLedgerEntry(manager, {
      quotaId,
      entryDate: todayInKazakhstan(),
      kind: 'reserve',
      reservedDelta: input.persons,
      reservationId: reservation.id,
      actorId: ctx.actor.id,
    });
    const entry: AuditEntry = {
      action: 'reservation.reserve',
      entityType: 'reservation',
      entityId: reservation.id,
      regionId: input.regionId,
      changes: {
        applicationId: { before: null, after: input.applicationId },
        quotaId: { before: null, after: quotaId },
        persons: { before: null, after: input.persons },
      },
    };
    return { reservation: ref(reservation), entry };
  }

  private async releaseWithoutAudit(
    manager: EntityManager,
    ctx: RequestContext,
    reservationId: number,
    reason: ReleaseReason,
    locked?: Reservation,
  ): Promise<{ reservation: ReservationRef; entry: AuditEntry }> {
    const reservation = locked ?? (await this.lockReserved(manager, reservationId));
    const typed = typeof reason === 'string' ? reason.trim() : null;
    if (typed === '') throw DomainError.invalid({ reason: 'validation.reason_required' });
    const why = reasonText(reason);
    await this.quotas.releasePersons(manager, reservation.quotaId, reservation.persons);
    await this.quotas.markReleased(manager, reservation.id, why);
    await this.quotas.insertLedgerEntry(manager, {
      quotaId: reservation.quotaId,
      entryDate: todayInKazakhstan(),
      kind: 'release',
      reservedDelta: -reservation.persons,
      reason: typed,
      reasonCode: typeof reason === 'string' ? null : reason,
      reservationId: reservation.id,
      actorId: ctx.actor?.id ?? null,
    });
    const entry: AuditEntry = {
      action: 'reservation.release',
      entityType: 'reservation',
      entityId: reservation.id,
      regionId: await this.regionOf(manager, reservation.quotaId),
      changes: {
        status: { before: 'reserved', after: 'released' },
        persons: { before: reservation.persons, after: null },
        reason: { before: null, after: why },
      },
    };
    return { reservation: ref(reservation), entry };
  }

  private async lockReserved(manager: EntityManager, reservationId: number): Promise<Reservation> {
    const reservation = await this.quotas.findReservationForUpdate(manager, reservationId);
    if (!reservation) throw DomainError.notFound('reservation');
    if (reservation.status !== 'reserved') {
      throw new DomainError(ErrorKind.Conflict, 'reservation.not_reserved', { reservationStatus: reservation.status });
    }
    return reservation;
  }

  private async regionOf(manager: EntityManager, quotaId: number): Promise<number | null> {
    return (await this.quotas.findById(quotaId, manager))?.regionId ?? null;
  }
}

const ref = (r: Pick<Reservation, 'id' | 'quotaId' | 'persons'>): ReservationRef => ({
  id: r.id,
  quotaId: r.quotaId,
  persons: r.persons,
});

/** A family is never split: it fits whole or not at all (`free` is unknown when a concurrent write won). */
function quotaFull(input: ReserveInput, free?: number): DomainError {
  const params = { category: input.category, year: input.year, needed: input.persons };
  return new DomainError(ErrorKind.Conflict, free === undefined ? 'quota.full_now' : 'quota.full', {
    ...params,
    ...(free === undefined ? {} : { free }),
  }, undefined, { reason: 'quota_full' });
}

const noQuota = (key: Pick<ReserveInput, 'category' | 'year'>): DomainError =>
  new DomainError(ErrorKind.NotFound, 'quota.none_for_region', { category: key.category, year: key.year });
