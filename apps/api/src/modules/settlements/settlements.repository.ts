import { type CaseNames, SETTLEMENT_STATUSES } from '@qonys/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { ids, integerEquals, oneOf } from '../../common/list/filters';
import { countUpTo, listBatches } from '../../common/list/list-export';
import { fetchPage, ListResult, type ListSpec, type ParsedListQuery } from '../../common/list/list-query';
import { joinCaseNames, withCaseNames } from '../applications/case-names';
import { applyWorkScope, type WorkScope } from '../quotas/work-scope';
import { Settlement } from './entities/settlement.entity';
import { coded } from '../../common/errors/domain-error';

export const SETTLEMENT_LIST: ListSpec<Settlement> = {
  resource: 'settlements',
  sortable: {
    id: 's.id',
    status: 's.status',
    regionId: 's.region_id',
    plannedArrival: 's.planned_arrival',
    actualArrival: 's.actual_arrival',
    createdAt: 's.created_at',
  },
  defaultSort: ['id', 'DESC'],
  filters: {
    id: ids('s.id'),
    status: oneOf('s.status', SETTLEMENT_STATUSES),
    regionId: integerEquals('s.region_id', 1),
    applicationId: integerEquals('s.application_id', 1),
    year: {
      parse: (v) => {
        const n = Number(v);
        return Number.isInteger(n) && n >= 1990 && n <= 2200
          ? { value: n }
          : { error: coded('validation.int_range', { min: 1990, max: 2200 }) };
      },
      apply: (qb, v, p) =>
        void qb.andWhere(
          `EXISTS (SELECT 1 FROM reservation yr JOIN quota yq ON yq.id = yr.quota_id WHERE yr.id = s.reservation_id AND yq.year = :${p})`,
          { [p]: v },
        ),
    },
  },
};

/** A settlement as the API answers it: with its case's number and the family's name. */
export type SettlementView = Settlement & CaseNames;

/** A reservation with the quota it holds places in. */
export interface ReservationPlace {
  id: number;
  status: 'reserved' | 'settled' | 'released';
  applicationId: number;
  inclusionRequestId: number | null;
  regionId: number;
  caseRegionId: number;
}

@Injectable()
export class SettlementsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async listPage(query: ParsedListQuery, scope: WorkScope | null): Promise<ListResult<SettlementView>> {
    const qb = applyWorkScope(this.withCaseNames(this.dataSource.manager), scope);
    const page = await fetchPage(qb, query, SETTLEMENT_LIST);
    return new ListResult(page.resource, page.items.map(withCaseNames), page.start, page.total);
  }

  /** Every settlement of the list in its order, a batch at a time (an export; docs/exports.md). */
  async *exportBatches(query: ParsedListQuery, scope: WorkScope | null): AsyncGenerator<SettlementView[]> {
    const base = () => applyWorkScope(this.withCaseNames(this.dataSource.manager), scope);
    for await (const batch of listBatches(base, query, SETTLEMENT_LIST)) yield batch.map(withCaseNames);
  }

  exportCount(query: ParsedListQuery, scope: WorkScope | null, cap: number): Promise<number> {
    return countUpTo(applyWorkScope(this.withCaseNames(this.dataSource.manager), scope), query, SETTLEMENT_LIST, cap);
  }

  /** The settlement with its case's names (the scope is the caller's to check). */
  async findView(manager: EntityManager, id: number): Promise<SettlementView | null> {
    const row = await this.withCaseNames(manager).where('s.id = :id', { id }).getOne();
    return row ? withCaseNames(row) : null;
  }

  private withCaseNames(manager: EntityManager) {
    return joinCaseNames(manager.getRepository(Settlement).createQueryBuilder('s'), 's.application_id');
  }

  /** The settlement, locked for the rest of the transaction when asked. */
  async findById(manager: EntityManager, id: number, options: { lock?: boolean } = {}): Promise<Settlement | null> {
    if (options.lock) {
      const locked = await manager
        .getRepository(Settlement)
        .createQueryBuilder('s')
        .select('s.id')
        .where('s.id = :id', { id })
        .setLock('pessimistic_write')
        .getOne();
      if (!locked) return null;
    }
    return manager.getRepository(Settlement).findOneBy({ id });
  }

  async reservationPlace(manager: EntityManager, reservationId: number): Promise<ReservationPlace | null> {
    const [row] = await manager.query<
      {
        id: number;
        status: ReservationPlace['status'];
        application_id: number;
        inclusion_request_id: number | null;
        region_id: number;
        case_region_id: number;
      }[]
    >(
      `SELECT r.id, r.status, r.application_id, r.inclusion_request_id, q.region_id, a.region_id AS case_region_id
         FROM reservation r JOIN quota q ON q.id = r.quota_id JOIN application a ON a.id = r.application_id
        WHERE r.id = $1`,
      [reservationId],
    );
    return row
      ? {
          id: row.id,
          status: row.status,
          applicationId: row.application_id,
          inclusionRequestId: row.inclusion_request_id,
          regionId: row.region_id,
          caseRegionId: row.case_region_id,
        }
      : null;
  }

  async regionExists(manager: EntityManager, regionId: number): Promise<boolean> {
    const [row] = await manager.query<{ found: boolean }[]>('SELECT EXISTS (SELECT 1 FROM region WHERE id = $1) AS found', [
      regionId,
    ]);
    return row.found;
  }

  async hasSettlement(manager: EntityManager, reservationId: number): Promise<boolean> {
    return manager.getRepository(Settlement).existsBy({ reservationId });
  }

  async insert(
    manager: EntityManager,
    row: Pick<Settlement, 'reservationId' | 'applicationId' | 'regionId'>,
  ): Promise<Settlement> {
    const { identifiers } = await manager.getRepository(Settlement).insert(row);
    return manager.getRepository(Settlement).findOneByOrFail({ id: identifiers[0].id as number });
  }

  /** The planned settlement of a reservation, if any, locked. */
  async findPlannedForReservation(manager: EntityManager, reservationId: number): Promise<Settlement | null> {
    return manager
      .getRepository(Settlement)
      .createQueryBuilder('s')
      .where('s.reservation_id = :reservationId', { reservationId })
      .andWhere(`s.status = 'planned'`)
      .setLock('pessimistic_write')
      .getOne();
  }
}
