import { LEDGER_KINDS, QUOTA_CATEGORIES, type QuotaCategory } from '@qonys/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { ids, integerEquals, oneOf } from '../../common/list/filters';
import { fetchPage, type ListResult, type ListSpec, type ParsedListQuery } from '../../common/list/list-query';
import { Quota } from './entities/quota.entity';
import { QuotaLedgerEntry } from './entities/quota-ledger-entry.entity';
import { Reservation } from './entities/reservation.entity';

export const QUOTA_LIST: ListSpec<Quota> = {
  resource: 'quotas',
  sortable: {
    id: 'q.id',
    year: 'q.year',
    regionId: 'q.region_id',
    category: 'q.category',
    capacity: 'q.capacity',
    reserved: 'q.reserved',
    settled: 'q.settled',
    balance: '(q.capacity - q.reserved - q.settled)',
  },
  defaultSort: ['id', 'ASC'],
  filters: {
    id: ids('q.id'),
    year: integerEquals('q.year', 1990, 2200),
    regionId: integerEquals('q.region_id', 1),
    category: oneOf('q.category', QUOTA_CATEGORIES),
  },
};

export const LEDGER_LIST: ListSpec<QuotaLedgerEntry> = {
  resource: 'quota-ledger',
  sortable: { id: 'e.id', entryDate: 'e.entry_date', kind: 'e.kind', createdAt: 'e.created_at' },
  defaultSort: ['id', 'ASC'],
  filters: {
    kind: oneOf('e.kind', LEDGER_KINDS),
    reservationId: integerEquals('e.reservation_id', 1),
  },
};

/** TypeORM answers an UPDATE … RETURNING on PostgreSQL with `[rows, affectedCount]`. */
function returned<T>(result: unknown): T[] {
  return Array.isArray(result) && Array.isArray(result[0]) ? (result[0] as T[]) : (result as T[]);
}

export interface QuotaKey {
  year: number;
  regionId: number;
  category: QuotaCategory;
}

export type NewLedgerEntry = Pick<QuotaLedgerEntry, 'quotaId' | 'entryDate' | 'kind'> &
  Partial<
    Pick<
      QuotaLedgerEntry,
      'capacityDelta' | 'reservedDelta' | 'settledDelta' | 'legalAct' | 'reason' | 'reasonCode' | 'reservationId' | 'actorId'
    >
  >;

/** Quotas, their append-only ledger and the reservations against them. */
@Injectable()
export class QuotasRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  listPage(query: ParsedListQuery): Promise<ListResult<Quota>> {
    return fetchPage(this.dataSource.getRepository(Quota).createQueryBuilder('q'), query, QUOTA_LIST);
  }

  ledgerPage(quotaId: number, query: ParsedListQuery): Promise<ListResult<QuotaLedgerEntry>> {
    const qb = this.dataSource
      .getRepository(QuotaLedgerEntry)
      .createQueryBuilder('e')
      .where('e.quota_id = :quotaId', { quotaId });
    return fetchPage(qb, query, LEDGER_LIST);
  }

  findById(id: number, manager: EntityManager = this.dataSource.manager): Promise<Quota | null> {
    return manager.getRepository(Quota).findOneBy({ id });
  }

  findByKey(manager: EntityManager, key: QuotaKey): Promise<Quota | null> {
    return manager.getRepository(Quota).findOneBy({ year: key.year, regionId: key.regionId, category: key.category });
  }

  async regionExists(manager: EntityManager, regionId: number): Promise<boolean> {
    const rows = await manager.query<unknown[]>('SELECT 1 FROM region WHERE id = $1', [regionId]);
    return rows.length > 0;
  }

  async insertQuota(
    manager: EntityManager,
    quota: Pick<Quota, 'year' | 'regionId' | 'category' | 'unit' | 'capacity' | 'legalAct'>,
  ): Promise<Quota> {
    return manager.getRepository(Quota).save(manager.getRepository(Quota).create(quota));
  }

  async insertLedgerEntry(manager: EntityManager, entry: NewLedgerEntry): Promise<void> {
    await manager.getRepository(QuotaLedgerEntry).insert(entry);
  }

  /**
   * Capacity ± delta if the version matches and the new capacity still covers what
   * is reserved and settled; the row after the change, or null when refused.
   */
  async changeCapacity(manager: EntityManager, id: number, version: number, delta: number): Promise<Quota | null> {
    const rows = returned<{ id: number }>(
      await manager.query(
        `UPDATE quota SET capacity = capacity + $3, version = version + 1, updated_at = now()
        WHERE id = $1 AND version = $2 AND capacity + $3 >= reserved + settled
        RETURNING id`,
        [id, version, delta],
      ),
    );
    return rows.length === 0 ? null : this.findById(id, manager);
  }

  /**
   * The reservation itself: one conditional UPDATE, so concurrent requests from any
   * replica serialise on the quota row and none can over-allocate it (the CHECK
   * constraint is the safety net). The quota's id, or null when the family does not fit.
   */
  async reservePersons(manager: EntityManager, key: QuotaKey, persons: number): Promise<number | null> {
    const rows = returned<{ id: number }>(
      await manager.query(
        `UPDATE quota SET reserved = reserved + $4, version = version + 1, updated_at = now()
        WHERE year = $1 AND region_id = $2 AND category = $3 AND reserved + settled + $4 <= capacity
        RETURNING id`,
        [key.year, key.regionId, key.category, persons],
      ),
    );
    return rows[0]?.id ?? null;
  }

  async releasePersons(manager: EntityManager, quotaId: number, persons: number): Promise<void> {
    await manager.query(
      `UPDATE quota SET reserved = reserved - $2, version = version + 1, updated_at = now() WHERE id = $1`,
      [quotaId, persons],
    );
  }

  async settlePersons(manager: EntityManager, quotaId: number, persons: number): Promise<void> {
    await manager.query(
      `UPDATE quota SET reserved = reserved - $2, settled = settled + $2, version = version + 1, updated_at = now()
        WHERE id = $1`,
      [quotaId, persons],
    );
  }

  insertReservation(
    manager: EntityManager,
    reservation: Pick<Reservation, 'quotaId' | 'inclusionRequestId' | 'applicationId' | 'persons' | 'createdBy'>,
  ): Promise<Reservation> {
    return manager.getRepository(Reservation).save(manager.getRepository(Reservation).create(reservation));
  }

  /** Locks the reservation for the rest of the transaction. */
  findReservationForUpdate(manager: EntityManager, id: number): Promise<Reservation | null> {
    return manager
      .getRepository(Reservation)
      .createQueryBuilder('r')
      .where('r.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
  }

  findLiveReservation(manager: EntityManager, applicationId: number): Promise<Reservation | null> {
    return manager
      .getRepository(Reservation)
      .createQueryBuilder('r')
      .where('r.application_id = :applicationId', { applicationId })
      .andWhere(`r.status IN ('reserved', 'settled')`)
      .getOne();
  }

  async markReleased(manager: EntityManager, id: number, reason: string): Promise<void> {
    await manager.query(
      `UPDATE reservation SET status = 'released', release_reason = $2, released_at = now() WHERE id = $1`,
      [id, reason],
    );
  }

  async markSettled(manager: EntityManager, id: number): Promise<void> {
    await manager.query(`UPDATE reservation SET status = 'settled', settled_at = now() WHERE id = $1`, [id]);
  }
}
