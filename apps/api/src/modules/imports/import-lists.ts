import { IMPORT_KINDS, IMPORT_STATES } from '@qonys/domain';
import { oneOf } from '../../common/list/filters';
import type { ListSpec } from '../../common/list/list-query';
import type { ImportRun } from './entities/import-run.entity';

export const IMPORT_RUN_LIST: ListSpec<ImportRun> = {
  resource: 'imports',
  sortable: { id: 'i.id', createdAt: 'i.created_at', kind: 'i.kind', state: 'i.state' },
  defaultSort: ['createdAt', 'DESC'],
  filters: {
    kind: oneOf('i.kind', IMPORT_KINDS),
    state: oneOf('i.state', IMPORT_STATES),
  },
};
