import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type PlacementReason,
  placementWeights,
  type PlacementWeights,
  type QuotaCategory,
  scoreRegion,
  todayInKazakhstan,
  yearOf,
} from '@qonys/domain';
import type { DataSource } from 'typeorm';
import type { AuthedContext } from '../../common/auth/actor';
import { inScope, regionScope } from '../../common/auth/region-scope';
import { DomainError } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { workScope } from '../quotas/work-scope';
import type { RecommendationQueryDto, UpdateWeightsDto } from './dto/placement.dto';
import { PlacementWeight } from './entities/placement-weight.entity';
import { PlacementRepository } from './placement.repository';

export interface Recommendation {
  regionId: number;
  score: number;
  reasons: PlacementReason[];
  /** Free quota in persons. */
  remaining: number;
}

export interface RecommendationList {
  applicationId: number;
  year: number;
  category: QuotaCategory;
  persons: number;
  /** Best first; only regions where the whole family fits. */
  regions: Recommendation[];
}

/** One family's ranked regions, and the weights admins set. */
@Injectable()
export class PlacementService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly placement: PlacementRepository,
    private readonly audit: AuditService,
  ) {}

  async weights(): Promise<PlacementWeights> {
    return placementWeights(await this.placement.weightRows());
  }

  async recommend(ctx: AuthedContext, query: RecommendationQueryDto): Promise<RecommendationList> {
    // The caller must see the case, or (a regional official) the family's open inclusion
    // request; otherwise it answers 404 as if it did not exist.
    const caseRegion = await this.placement.caseRegion(query.applicationId);
    const requests = workScope(ctx.actor, 'inclusion-requests', 'show');
    const visible =
      caseRegion !== null &&
      (inScope(regionScope(ctx.actor, 'applications', 'show'), caseRegion) ||
        (requests?.by === 'row' &&
          (await this.placement.hasOpenRequestVisibleTo(query.applicationId, requests.regionId))));
    if (!visible) throw DomainError.notFound('application');
    const {
      family,
      year: requestYear,
      category: requestCategory,
    } = await this.placement.familyOfCase(query.applicationId);
    const year = query.year ?? requestYear ?? yearOf(todayInKazakhstan());
    const category = query.category ?? requestCategory ?? 'kandas';
    const weights = await this.weights();
    const regions = (await this.placement.openRegions(year, category))
      .filter((r) => r.remaining >= family.persons)
      .map((region) => ({
        regionId: region.regionId,
        remaining: region.remaining,
        ...scoreRegion(family, region, weights),
      }))
      .sort((a, b) => b.score - a.score || a.regionId - b.regionId);
    return { applicationId: query.applicationId, year, category, persons: family.persons, regions };
  }

  listWeights(): Promise<PlacementWeight[]> {
    return this.dataSource.getRepository(PlacementWeight).find({ order: { key: 'ASC' } });
  }

  /** Sets the given weights, each against its version (409 when stale); one audit entry. */
  async updateWeights(ctx: AuthedContext, dto: UpdateWeightsDto): Promise<PlacementWeight[]> {
    const keys = dto.weights.map((w) => w.key);
    if (new Set(keys).size !== keys.length) throw DomainError.invalid({ weights: 'placement.weight_repeated' });
    return this.dataSource.transaction(async (manager) => {
      const changes: Record<string, { before: unknown; after: unknown }> = {};
      for (const w of dto.weights) {
        const before = await manager.getRepository(PlacementWeight).findOneBy({ key: w.key });
        if (!before) throw DomainError.notFound('placement_weight');
        const result = await manager
          .createQueryBuilder()
          .update(PlacementWeight)
          .set({ weight: w.weight, version: () => 'version + 1', updatedAt: () => 'now()' })
          .where('key = :key AND version = :version', { key: w.key, version: w.version })
          .execute();
        if (result.affected === 0) throw DomainError.stale('placement_weight');
        if (before.weight !== w.weight) changes[w.key] = { before: before.weight, after: w.weight };
      }
      await this.audit.record(manager, ctx, {
        action: 'placement_weight.update',
        entityType: 'placement_weight',
        changes,
      });
      return manager.getRepository(PlacementWeight).find({ order: { key: 'ASC' } });
    });
  }
}
