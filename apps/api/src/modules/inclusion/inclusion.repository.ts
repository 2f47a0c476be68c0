import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type ApplicationStatus, type CaseNames, INCLUSION_STATUSES } from '@qonys/domain';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { ids, integerEquals, oneOf } from '../../common/list/filters';
import { fetchPage, ListResult, type ListSpec, type ParsedListQuery } from '../../common/list/list-query';
import { joinCaseNames, withCaseNames } from '../applications/case-names';
import { applyWorkScope, type WorkScope } from '../quotas/work-scope';
import { InclusionRequest } from './entities/inclusion-request.entity';
import { visibleToRegionSql } from './inclusion-visibility';

export const INCLUSION_LIST: ListSpec<InclusionRequest> = {
  resource: 'inclusion-requests',
  sortable: {
    id: 'ir.id',
    status: 'ir.status',
    year: 'ir.year',
    regionId: 'ir.region_id',
    persons: 'ir.persons',
    deadlineDue: 'ir.deadline_due',
    createdAt: 'ir.created_at',
  },
  defaultSort: ['id', 'ASC'],
  filters: {
    id: ids('ir.id'),
    status: oneOf('ir.status', INCLUSION_STATUSES),
    year: integerEquals('ir.year', 1990, 2200),
    regionId: integerEquals('ir.region_id', 1),
    applicationId: integerEquals('ir.application_id', 1),
  },
};

/** An inclusion request as the API answers it: with its case's number and the family's name. */
export type InclusionRequestView = InclusionRequest & CaseNames;

export interface CaseForInclusion {
  id: number;
  status: ApplicationStatus;
  regionId: number;
  activeMembers: number;
}

@Injectable()
export class InclusionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async listPage(query: ParsedListQuery, scope: WorkScope | null): Promise<ListResult<InclusionRequestView>> {
    const page = await fetchPage(this.visible(this.dataSource.manager, scope), query, INCLUSION_LIST);
    return new ListResult(page.resource, page.items.map(withCaseNames), page.start, page.total);
  }

  /** The request with its case's names when the scope may read it, else null (it answers as missing). */
  async findVisible(manager: EntityManager, id: number, scope: WorkScope | null): Promise<InclusionRequestView | null> {
    const row = await this.visible(manager, scope).andWhere('ir.id = :id', { id }).getOne();
    return row ? withCaseNames(row) : null;
  }

  /**
   * Requests the scope reads, with their case's names: a regional official's every
   * family a batch may place in the region (inclusion-visibility.ts), a caseworker's
   * those of the region's cases, everyone else's all.
   */
  private visible(manager: EntityManager, scope: WorkScope | null): SelectQueryBuilder<InclusionRequest> {
    const qb = joinCaseNames(manager.getRepository(InclusionRequest).createQueryBuilder('ir'), 'ir.application_id');
    if (scope?.by === 'row') {
      return qb.andWhere(visibleToRegionSql('ir', ':scopeRegion'), { scopeRegion: scope.regionId });
    }
    return applyWorkScope(qb, scope);
  }

  async findById(
    manager: EntityManager,
    id: number,
    options: { lock?: boolean } = {},
  ): Promise<InclusionRequest | null> {
    if (options.lock) {
      const locked = await manager
        .getRepository(InclusionRequest)
        .createQueryBuilder('ir')
        .select('ir.id')
        .where('ir.id = :id', { id })
        .setLock('pessimistic_write')
        .getOne();
      if (!locked) return null;
    }
    return manager.getRepository(InclusionRequest).findOneBy({ id });
  }

  /** The case, locked (its status must not change under the request), with its active members counted. */
  async caseForInclusion(manager: EntityManager, applicationId: number): Promise<CaseForInclusion | null> {
    const [row] = await manager.query<{ id: number; status: ApplicationStatus; region_id: number }[]>(
      'SELECT id, status, region_id FROM application WHERE id = $1 FOR UPDATE',
      [applicationId],
    );
    if (!row) return null;
    const [count] = await manager.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM application_member WHERE application_id = $1 AND active',
      [applicationId],
    );
    return { id: row.id, status: row.status, regionId: row.region_id, activeMembers: count.n };
  }

  async hasOpenRequest(manager: EntityManager, applicationId: number): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM inclusion_request WHERE application_id = $1 AND status IN ('submitted', 'included')`,
      [applicationId],
    );
    return rows.length > 0;
  }

  /** Of `regionIds`, those that are not settlement regions in `year` (region.settlement_years). */
  async notSettlementRegions(manager: EntityManager, regionIds: number[], year: number): Promise<number[]> {
    const rows = await manager.query<{ id: number }[]>(
      'SELECT id FROM region WHERE id = ANY($1::int[]) AND $2 = ANY(settlement_years)',
      [regionIds, year],
    );
    const ok = new Set(rows.map((r) => r.id));
    return regionIds.filter((id) => !ok.has(id));
  }

  async missingRegions(manager: EntityManager, regionIds: number[]): Promise<number[]> {
    const rows = await manager.query<{ id: number }[]>('SELECT id FROM region WHERE id = ANY($1::int[])', [regionIds]);
    const ok = new Set(rows.map((r) => r.id));
    return regionIds.filter((id) => !ok.has(id));
  }

  async insert(manager: EntityManager, row: Partial<InclusionRequest>): Promise<InclusionRequest> {
    const { identifiers } = await manager.getRepository(InclusionRequest).insert(row);
    return manager.getRepository(InclusionRequest).findOneByOrFail({ id: identifiers[0].id as number });
  }

  /** Requests of a case still open (submitted or included), locked. */
  openRequests(manager: EntityManager, applicationId: number): Promise<InclusionRequest[]> {
    return manager
      .getRepository(InclusionRequest)
      .createQueryBuilder('ir')
      .where('ir.application_id = :applicationId', { applicationId })
      .andWhere(`ir.status IN ('submitted', 'included')`)
      .setLock('pessimistic_write')
      .getMany();
  }

  async statusDecisionDays(manager: EntityManager, date: string): Promise<number | null> {
    const [row] = await manager.query<{ amount: number; unit: string }[]>(
      `SELECT amount, unit FROM deadline_setting
        WHERE key = 'status_decision' AND (valid_from IS NULL OR valid_from <= $1::date) AND (valid_to IS NULL OR valid_to >= $1::date)
        ORDER BY valid_from DESC NULLS LAST LIMIT 1`,
      [date],
    );
    return row?.unit === 'working_days' ? row.amount : null;
  }
}
