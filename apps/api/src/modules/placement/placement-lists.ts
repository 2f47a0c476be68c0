import { BATCH_STATUSES, QUOTA_CATEGORIES } from '@qonys/domain';
import { booleanEquals, ids, integerEquals, oneOf } from '../../common/list/filters';
import type { ListSpec } from '../../common/list/list-query';
import type { LabourDemand } from './entities/labour-demand.entity';
import { type PlacementBatch } from './entities/placement-batch.entity';
import type { PlacementProposal } from './entities/placement-proposal.entity';
import type { RegionCapacity } from './entities/region-capacity.entity';
import { textSearch } from '../../common/list/filters';

export const BATCH_LIST: ListSpec<PlacementBatch> = {
  resource: 'placement/batches',
  sortable: { id: 'b.id', year: 'b.year', createdAt: 'b.created_at', status: 'b.status' },
  defaultSort: ['id', 'DESC'],
  filters: {
    id: ids('b.id'),
    year: integerEquals('b.year', 1990, 2200),
    category: oneOf('b.category', QUOTA_CATEGORIES),
    status: oneOf('b.status', BATCH_STATUSES),
  },
};

const FINAL_REGION = 'COALESCE(p.override_region_id, p.proposed_region_id)';

export const PROPOSAL_LIST: ListSpec<PlacementProposal> = {
  resource: 'placement/proposals',
  sortable: { id: 'p.id', score: 'p.score', regionId: FINAL_REGION },
  defaultSort: ['id', 'ASC'],
  filters: {
    id: ids('p.id'),
    regionId: integerEquals(FINAL_REGION, 1),
    proposedRegionId: integerEquals('p.proposed_region_id', 1),
    overridden: {
      parse: booleanEquals('x').parse,
      apply: (qb, v, p) => void qb.andWhere(`(p.override_region_id IS NOT NULL) = :${p}`, { [p]: v }),
    },
    accepted: {
      parse: booleanEquals('x').parse,
      apply: (qb, v, p) => void qb.andWhere(`(p.accepted_at IS NOT NULL) = :${p}`, { [p]: v }),
    },
    placed: {
      parse: booleanEquals('x').parse,
      apply: (qb, v, p) => void qb.andWhere(`(${FINAL_REGION} IS NOT NULL) = :${p}`, { [p]: v }),
    },
  },
};

export const LABOUR_DEMAND_LIST: ListSpec<LabourDemand> = {
  resource: 'labour-demand',
  sortable: {
    id: 'd.id',
    year: 'd.year',
    regionId: 'd.region_id',
    occupation: 'd.occupation_key',
    vacancies: 'd.vacancies',
  },
  defaultSort: ['id', 'ASC'],
  filters: {
    id: ids('d.id'),
    year: integerEquals('d.year', 1990, 2200),
    regionId: integerEquals('d.region_id', 1),
    occupation: textSearch(['d.occupation', 'd.occupation_key']),
  },
};

export const REGION_CAPACITY_LIST: ListSpec<RegionCapacity> = {
  resource: 'region-capacities',
  sortable: { id: 'c.id', year: 'c.year', regionId: 'c.region_id' },
  defaultSort: ['id', 'ASC'],
  filters: {
    id: ids('c.id'),
    year: integerEquals('c.year', 1990, 2200),
    regionId: integerEquals('c.region_id', 1),
  },
};
