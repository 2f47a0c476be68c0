import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { REFERRAL_STATES, type ServiceNames } from '@qonys/domain';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { dateFrom, dateTo, ids, integerEquals, oneOf } from '../../common/list/filters';
import { fetchPage, ListResult, type ListSpec, type ParsedListQuery } from '../../common/list/list-query';
import { joinCaseNames, withCaseNames } from '../applications/case-names';
import { Referral } from './entities/referral.entity';

export const REFERRAL_LIST: ListSpec<Referral> = {
  resource: 'referrals',
  sortable: {
    id: 'r.id',
    state: 'r.state',
    period: 'r.period',
    dueDate: 'r.due_date',
    requestedAt: 'r.requested_at',
    providerId: 'r.provider_id',
  },
  defaultSort: ['id', 'DESC'],
  filters: {
    id: ids('r.id'),
    state: oneOf('r.state', REFERRAL_STATES),
    providerId: integerEquals('r.provider_id', 1),
    applicationId: integerEquals('r.application_id', 1),
    regionId: integerEquals('r.region_id', 1),
    dueFrom: dateFrom('r.due_date'),
    dueTo: dateTo('r.due_date'),
  },
};

/** Which referrals a caller reads: of a region, of a provider (its staff), or all (null fields). */
export interface ReferralScope {
  regionId: number | null;
  providerId: number | null;
}

/** What a page of referrals is shown with, besides its own columns: one query for the page. */
export interface ReferralDetails {
  id: number;
  serviceTypeId: number;
  serviceName: ServiceNames;
  providerName: string;
  /** The member the referral is for, else the applicant: the person a provider would reach. */
  personName: string | null;
  personPhone: string | null;
  contactPersonId: number | null;
  waitlistPosition: number | null;
}

/** A provider's service as a referral to it needs it. */
export interface ProviderOffer {
  providerId: number;
  regionId: number;
  name: string;
  activeOn: boolean;
  providerServiceId: number | null;
}

export type StaffReferralRow = ReturnType<typeof withCaseNames<Referral>>;

@Injectable()
export class ReferralsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A page for region staff: with the case's number and applicant. */
  async staffPage(query: ParsedListQuery, scope: ReferralScope): Promise<ListResult<StaffReferralRow>> {
    const qb = joinCaseNames(this.visible(this.dataSource.manager, scope), 'r.application_id');
    const page = await fetchPage(qb, query, REFERRAL_LIST);
    return new ListResult(page.resource, page.items.map(withCaseNames), page.start, page.total);
  }

  /** A page for a provider's staff: the referral alone. */
  providerPage(query: ParsedListQuery, scope: ReferralScope): Promise<ListResult<Referral>> {
    return fetchPage(this.visible(this.dataSource.manager, scope), query, REFERRAL_LIST);
  }

  async findStaffRow(manager: EntityManager, id: number, scope: ReferralScope): Promise<StaffReferralRow | null> {
    const row = await joinCaseNames(this.visible(manager, scope), 'r.application_id')
      .andWhere('r.id = :id', { id })
      .getOne();
    return row ? withCaseNames(row) : null;
  }

  /** The referral inside the scope, locked for a step; null when the caller cannot see it. */
  async lockVisible(manager: EntityManager, id: number, scope: ReferralScope): Promise<Referral | null> {
    return this.visible(manager, scope).andWhere('r.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  findVisible(manager: EntityManager, id: number, scope: ReferralScope): Promise<Referral | null> {
    return this.visible(manager, scope).andWhere('r.id = :id', { id }).getOne();
  }

  async details(manager: EntityManager, referralIds: number[]): Promise<Map<number, ReferralDetails>> {
    const rows = await manager.query<ReferralDetails[]>(
      `SELECT r.id, st.id AS "serviceTypeId",
              json_build_object('kk', st.name_kk, 'ru', st.name_ru, 'en', st.name_en) AS "serviceName",
              sp.name AS "providerName",
              p.surname || ' ' || p.given_name AS "personName", p.phone AS "personPhone", p.id AS "contactPersonId",
              CASE WHEN r.state = 'waitlisted' THEN
                (SELECT count(*)::int FROM referral w
                  WHERE w.provider_service_id = r.provider_service_id AND w.period = r.period AND w.state = 'waitlisted'
                    AND (w.waitlisted_at, w.id) <= (r.waitlisted_at, r.id)) END AS "waitlistPosition"
         FROM referral r
         JOIN provider_service ps ON ps.id = r.provider_service_id
         JOIN service_type st ON st.id = ps.service_type_id
         JOIN service_provider sp ON sp.id = r.provider_id
         JOIN application a ON a.id = r.application_id
         LEFT JOIN person p ON p.id = COALESCE(r.person_id, a.applicant_id)
        WHERE r.id = ANY($1::int[])`,
      [referralIds],
    );
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** The provider with its offer of a service type, and whether it is active on `day`. */
  async providerOffer(
    manager: EntityManager,
    providerId: number,
    serviceTypeId: number,
    day: string,
  ): Promise<ProviderOffer | null> {
    const [row] = await manager.query<ProviderOffer[]>(
      `SELECT sp.id AS "providerId", sp.region_id AS "regionId", sp.name,
              (sp.valid_from IS NULL OR sp.valid_from <= $3) AND (sp.valid_to IS NULL OR sp.valid_to >= $3) AS "activeOn",
              (SELECT ps.id FROM provider_service ps WHERE ps.provider_id = sp.id AND ps.service_type_id = $2) AS "providerServiceId"
         FROM service_provider sp WHERE sp.id = $1`,
      [providerId, serviceTypeId, day],
    );
    return row ?? null;
  }

  async liveReferralOf(manager: EntityManager, planItemId: number): Promise<number | null> {
    const [row] = await manager.query<{ id: number }[]>(
      `SELECT id FROM referral WHERE plan_item_id = $1 AND state NOT IN ('rejected', 'cancelled')`,
      [planItemId],
    );
    return row?.id ?? null;
  }

  insert(manager: EntityManager, values: Partial<Referral>): Promise<Referral> {
    const repo = manager.getRepository(Referral);
    return repo.save(repo.create(values));
  }

  /**
   * Takes one of the service's places for the month if one is free. The conditional
   * UPDATE is the guard: a concurrent taker waits on the row and re-reads `used`, so the
   * places are never over-filled (the same shape as the quota ledger).
   */
  /** The service and month pairs of a provider that have a waiting list, in a fixed order. */
  waitingQueues(manager: EntityManager, providerId: number): Promise<{ providerServiceId: number; period: string }[]> {
    return manager.query(
      `SELECT DISTINCT r.provider_service_id AS "providerServiceId", to_char(r.period, 'YYYY-MM-DD') AS period
         FROM referral r JOIN provider_service ps ON ps.id = r.provider_service_id
        WHERE ps.provider_id = $1 AND r.state = 'waitlisted'
        ORDER BY 1, 2`,
      [providerId],
    );
  }

  async takePlace(manager: EntityManager, providerServiceId: number, period: string): Promise<boolean> {
    await manager.query(
      `INSERT INTO provider_capacity_use (provider_service_id, period) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [providerServiceId, period],
    );
    // A SELECT over the UPDATE: TypeORM answers a bare UPDATE … RETURNING as [rows, count].
    const [taken] = await manager.query<{ n: number }[]>(
      `WITH took AS (
         UPDATE provider_capacity_use u SET used = u.used + 1
           FROM provider_service ps
          WHERE u.provider_service_id = $1 AND u.period = $2 AND ps.id = u.provider_service_id
            AND u.used < ps.places_per_month
         RETURNING 1)
       SELECT count(*)::int AS n FROM took`,
      [providerServiceId, period],
    );
    return taken.n > 0;
  }

  async releasePlace(manager: EntityManager, providerServiceId: number, period: string): Promise<void> {
    await manager.query(
      `UPDATE provider_capacity_use SET used = used - 1 WHERE provider_service_id = $1 AND period = $2`,
      [providerServiceId, period],
    );
  }

  /** The first referral on the service's waiting list for the month, locked; null when none waits. */
  async lockNextWaiting(manager: EntityManager, providerServiceId: number, period: string): Promise<Referral | null> {
    return manager
      .getRepository(Referral)
      .createQueryBuilder('r')
      .where("r.provider_service_id = :providerServiceId AND r.period = :period AND r.state = 'waitlisted'", {
        providerServiceId,
        period,
      })
      .orderBy('r.waitlisted_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .limit(1)
      .setLock('pessimistic_write')
      .getOne();
  }

  private visible(manager: EntityManager, scope: ReferralScope): SelectQueryBuilder<Referral> {
    const qb = manager.getRepository(Referral).createQueryBuilder('r');
    if (scope.providerId !== null) qb.andWhere('r.provider_id = :scopeProvider', { scopeProvider: scope.providerId });
    if (scope.regionId !== null) qb.andWhere('r.region_id = :scopeRegion', { scopeRegion: scope.regionId });
    return qb;
  }
}
