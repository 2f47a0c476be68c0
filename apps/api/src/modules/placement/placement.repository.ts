import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CaseNames,
  occupationKey,
  type PlacementFamily,
  type PlacementRegion,
  type QuotaCategory,
} from '@qonys/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { fetchPage, ListResult, type ParsedListQuery } from '../../common/list/list-query';
import { joinCaseNames, withCaseNames } from '../applications/case-names';
import { InclusionRequest } from '../inclusion/entities/inclusion-request.entity';
import { visibleToRegionSql } from '../inclusion/inclusion-visibility';
import { PlacementProposal } from './entities/placement-proposal.entity';
import { PROPOSAL_LIST } from './placement-lists';

/** A family's row in a batch's proposal, with its case's number and the family's name. */
export type ProposalView = PlacementProposal & CaseNames;

/** A family awaiting inclusion, as the scoring needs it. */
export interface WaitingFamily extends PlacementFamily {
  inclusionRequestId: number;
  applicationId: number;
}

interface FamilyRow {
  inclusion_request_id: number;
  application_id: number;
  preferred_region_ids: number[];
  relatives_region_ids: number[];
  requested_persons: number;
  members: { profession: string | null; languages: string[] | null }[];
}

const FAMILY_SELECT = `
  SELECT ir.id AS inclusion_request_id, ir.application_id, ir.preferred_region_ids, ir.relatives_region_ids,
         ir.persons AS requested_persons, ir.year, ir.category,
         COALESCE(json_agg(json_build_object('profession', p.profession, 'languages', p.languages))
                  FILTER (WHERE p.id IS NOT NULL), '[]') AS members
    FROM inclusion_request ir
    JOIN application a ON a.id = ir.application_id
    LEFT JOIN application_member m ON m.application_id = ir.application_id AND m.active
    LEFT JOIN person p ON p.id = m.person_id`;

function toFamily(row: FamilyRow): WaitingFamily {
  const members = row.members.map((m) => ({
    profession: m.profession ? occupationKey(m.profession) : null,
    languages: m.languages ?? [],
  }));
  return {
    inclusionRequestId: row.inclusion_request_id,
    applicationId: row.application_id,
    // The whole family: every active member takes a place.
    persons: members.length > 0 ? members.length : row.requested_persons,
    preferredRegionIds: row.preferred_region_ids,
    relativesRegionIds: row.relatives_region_ids,
    members,
  };
}

/** Reads for placement: families waiting, settlement regions with free quota, reference data. */
@Injectable()
export class PlacementRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every family awaiting inclusion in the year's quota, first come first. */
  async waitingFamilies(year: number, category: QuotaCategory): Promise<WaitingFamily[]> {
    const rows = await this.dataSource.query<FamilyRow[]>(
      `${FAMILY_SELECT}
        WHERE ir.year = $1 AND ir.category = $2 AND ir.status = 'submitted' AND a.status = 'approved'
        GROUP BY ir.id ORDER BY ir.created_at, ir.id`,
      [year, category],
    );
    return rows.map(toFamily);
  }

  /** The family of a case: its open inclusion request's wishes, or none. */
  async familyOfCase(
    applicationId: number,
  ): Promise<{ family: WaitingFamily; year: number | null; category: QuotaCategory | null }> {
    const [request] = await this.dataSource.query<(FamilyRow & { year: number; category: QuotaCategory })[]>(
      `${FAMILY_SELECT}
        WHERE ir.application_id = $1 AND ir.status = 'submitted'
        GROUP BY ir.id`,
      [applicationId],
    );
    if (request) return { family: toFamily(request), year: request.year ?? null, category: request.category ?? null };
    const members = await this.dataSource.query<{ profession: string | null; languages: string[] | null }[]>(
      `SELECT p.profession, p.languages FROM application_member m JOIN person p ON p.id = m.person_id
        WHERE m.application_id = $1 AND m.active`,
      [applicationId],
    );
    const family = toFamily({
      inclusion_request_id: 0,
      application_id: applicationId,
      preferred_region_ids: [],
      relatives_region_ids: [],
      requested_persons: Math.max(1, members.length),
      members,
    });
    return { family, year: null, category: null };
  }

  /** One page of a batch's proposals; with a region scope, those whose final region is the scope's. */
  async proposalsPage(
    batchId: number,
    scope: number | null,
    query: ParsedListQuery,
  ): Promise<ListResult<ProposalView>> {
    const qb = this.dataSource
      .getRepository(PlacementProposal)
      .createQueryBuilder('p')
      .innerJoin(InclusionRequest, 'proposal_request', 'proposal_request.id = p.inclusion_request_id')
      .where('p.batch_id = :batchId', { batchId });
    joinCaseNames(qb, 'proposal_request.application_id');
    if (scope !== null) qb.andWhere('COALESCE(p.override_region_id, p.proposed_region_id) = :scope', { scope });
    const page = await fetchPage(qb, query, PROPOSAL_LIST);
    return new ListResult(page.resource, page.items.map(withCaseNames), page.start, page.total);
  }

  /** Whether the case has a submitted or included inclusion request a regional official of the region reads. */
  async hasOpenRequestVisibleTo(applicationId: number, regionId: number): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM inclusion_request ir
        WHERE ir.application_id = $1 AND ir.status IN ('submitted', 'included') AND ${visibleToRegionSql('ir', '$2::int')}`,
      [applicationId, regionId],
    );
    return rows.length > 0;
  }

  async caseRegion(applicationId: number): Promise<number | null> {
    const [row] = await this.dataSource.query<{ region_id: number }[]>(
      'SELECT region_id FROM application WHERE id = $1',
      [applicationId],
    );
    return row?.region_id ?? null;
  }

  /**
   * Settlement regions of the year with free quota, with their reference data. For
   * kandas a region must list the year among its settlement years; resettler quotas
   * name their regions themselves.
   */
  async openRegions(
    year: number,
    category: QuotaCategory,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PlacementRegion[]> {
    const rows = await manager.query<
      {
        region_id: number;
        capacity: number;
        remaining: number;
        housing_units: number | null;
        adaptation_centre_places: number | null;
        languages: string[] | null;
      }[]
    >(
      `SELECT q.region_id, q.capacity, q.capacity - q.reserved - q.settled AS remaining,
              c.housing_units, c.adaptation_centre_places, c.languages
         FROM quota q
         JOIN region r ON r.id = q.region_id
         LEFT JOIN region_capacity c ON c.region_id = q.region_id AND c.year = q.year
        WHERE q.year = $1 AND q.category = $2 AND q.capacity - q.reserved - q.settled > 0
          AND ($2 <> 'kandas' OR $1 = ANY (r.settlement_years))
        ORDER BY q.region_id`,
      [year, category],
    );
    const demand = await manager.query<{ region_id: number; occupation_key: string; vacancies: number }[]>(
      'SELECT region_id, occupation_key, vacancies FROM labour_demand WHERE year = $1 AND vacancies > 0',
      [year],
    );
    const vacancies = new Map<number, Record<string, number>>();
    for (const d of demand)
      (vacancies.get(d.region_id) ?? vacancies.set(d.region_id, {}).get(d.region_id)!)[d.occupation_key] = d.vacancies;
    return rows.map((r) => ({
      regionId: r.region_id,
      capacity: r.capacity,
      remaining: r.remaining,
      vacancies: vacancies.get(r.region_id) ?? {},
      housingUnits: r.housing_units ?? 0,
      adaptationCentrePlaces: r.adaptation_centre_places ?? 0,
      languages: r.languages ?? ['kk', 'ru'],
    }));
  }

  async weightRows(): Promise<{ key: string; weight: string }[]> {
    return this.dataSource.query('SELECT key, weight FROM placement_weight');
  }

  /** Whether the year has a quota of the category in the region (an override must point at one). */
  async hasQuota(manager: EntityManager, year: number, category: QuotaCategory, regionId: number): Promise<boolean> {
    const [row] = await manager.query<unknown[]>(
      'SELECT 1 FROM quota WHERE year = $1 AND category = $2 AND region_id = $3',
      [year, category, regionId],
    );
    return row !== undefined;
  }

  /** Locks the quota rows of the regions (id order, so concurrent accepts cannot deadlock) and returns their balances. */
  async lockBalances(
    manager: EntityManager,
    year: number,
    category: QuotaCategory,
    regionIds: number[],
  ): Promise<Map<number, number>> {
    const rows = await manager.query<{ region_id: number; balance: number }[]>(
      `SELECT region_id, capacity - reserved - settled AS balance FROM quota
        WHERE year = $1 AND category = $2 AND region_id = ANY ($3::int[]) ORDER BY id FOR UPDATE`,
      [year, category, regionIds],
    );
    return new Map(rows.map((r) => [r.region_id, r.balance]));
  }

  /** The inclusion request, locked, with the family's active member count. */
  async lockRequest(
    manager: EntityManager,
    id: number,
  ): Promise<{ id: number; applicationId: number; status: string; persons: number } | null> {
    const [row] = await manager.query<{ id: number; application_id: number; status: string }[]>(
      'SELECT id, application_id, status FROM inclusion_request WHERE id = $1 FOR UPDATE',
      [id],
    );
    if (!row) return null;
    const [{ n }] = await manager.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM application_member WHERE application_id = $1 AND active',
      [row.application_id],
    );
    return { id: row.id, applicationId: row.application_id, status: row.status, persons: n };
  }

  async markIncluded(
    manager: EntityManager,
    id: number,
    regionId: number,
    persons: number,
    actorId: number,
  ): Promise<void> {
    await manager.query(
      `UPDATE inclusion_request SET status = 'included', region_id = $2, persons = $3, decided_at = now(), decided_by = $4,
              version = version + 1, updated_at = now()
        WHERE id = $1 AND status = 'submitted'`,
      [id, regionId, persons, actorId],
    );
  }
}
