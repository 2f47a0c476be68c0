import { booleanEquals, ids, integerEquals } from '../../common/list/filters';
import type { ListSpec } from '../../common/list/list-query';
import type { ArrivalsHistory } from './entities/arrivals-history.entity';

export const ARRIVALS_HISTORY_LIST: ListSpec<ArrivalsHistory> = {
  resource: 'monitoring/arrivals-history',
  sortable: { id: 'h.id', year: 'h.year', month: 'h.month', regionId: 'h.region_id', persons: 'h.persons' },
  defaultSort: ['year', 'DESC'],
  filters: {
    id: ids('h.id'),
    year: integerEquals('h.year', 1990, 2200),
    regionId: integerEquals('h.region_id', 1),
    national: {
      parse: booleanEquals('x').parse,
      apply: (qb, v, p) => void qb.andWhere(`(h.region_id IS NULL) = :${p}`, { [p]: v }),
    },
    yearly: {
      parse: booleanEquals('x').parse,
      apply: (qb, v, p) => void qb.andWhere(`(h.month IS NULL) = :${p}`, { [p]: v }),
    },
    confirmed: booleanEquals('h.confirmed'),
  },
};
