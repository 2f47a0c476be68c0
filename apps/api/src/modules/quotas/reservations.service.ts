import { type QuotaCategory, todayInKazakhstan } from '@qonys/domain';
import { Injectable } from '@nestjs/common';
import { QueryFailedError, type EntityManager } from 'typeorm';
import type { AuthedContext } from '../../common/auth/actor';
import { DomainError, ErrorCode } from '../../common/errors/domain-error';
import { type AuditEntry, AuditService } from '../audit/audit.service';
import type { Reservation } from './entities/reservation.entity';
import { type QuotaKey, QuotasRepository } from './quotas.repository';

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
    ctx: AuthedContext,
    reservationId: number,
    reason: string,
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
    const old = await this.lockReserved(manager, reservationId);
    const quota = await this.quotas.findById(old.quotaId, manager);
    if (!quota) throw DomainError.notFound('Quota');
    if (quota.regionId === regionId) {
      throw DomainError.invalid({ regionId: 'the family is already placed in this region' });
    }
    const target = await this.quotas.findByKey(manager, { year: quota.year, regionId, category: quota.category });
    if (!target)
      throw new DomainError(ErrorCode.NotFound, `No ${quota.category} quota for ${quota.year} in this region`);
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
      throw DomainError.invalid({ persons: 'a family has at least one active member' });
    }
    if (await this.quotas.findLiveReservation(manager, input.applicationId)) {
      throw new DomainError(ErrorCode.Conflict, 'This family already holds a place in a quota; release it first');
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
      if (pgCode(error) === CHECK_VIOLATION) throw quotaFull(input.persons, null);
      throw error;
    }
    if (quotaId !== null) return quotaId;
    const quota = await this.quotas.findByKey(manager, key);
    if (!quota)
      throw new DomainError(ErrorCode.NotFound, `No ${input.category} quota for ${input.year} in this region`);
    throw quotaFull(input.persons, quota.capacity - quota.reserved - quota.settled);
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
        throw new DomainError(ErrorCode.Conflict, 'This family already holds a place in a quota; release it first');
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
    ctx: AuthedContext,
    reservationId: number,
    reason: string,
    locked?: Reservation,
  ): Promise<{ reservation: ReservationRef; entry: AuditEntry }> {
    const reservation = locked ?? (await this.lockReserved(manager, reservationId));
    const why = reason.trim();
    if (!why) throw DomainError.invalid({ reason: 'a release needs a reason' });
    await this.quotas.releasePersons(manager, reservation.quotaId, reservation.persons);
    await this.quotas.markReleased(manager, reservation.id, why);
    await this.quotas.insertLedgerEntry(manager, {
      quotaId: reservation.quotaId,
      entryDate: todayInKazakhstan(),
      kind: 'release',
      reservedDelta: -reservation.persons,
      reason: why,
      reservationId: reservation.id,
      actorId: ctx.actor.id,
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
    if (!reservation) throw DomainError.notFound('Reservation');
    if (reservation.status !== 'reserved') {
      throw new DomainError(ErrorCode.Conflict, `The reservation is ${reservation.status}, no longer reserved`);
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

function quotaFull(persons: number, balance: number | null): DomainError {
  const left = balance === null ? '' : ` (${balance} left)`;
  return new DomainError(
    ErrorCode.Conflict,
    `Quota full: the family of ${persons} does not fit in the quota${left}; a family is never split`,
    undefined,
    { reason: 'quota_full' },
  );
}
