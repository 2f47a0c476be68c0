import { RETENTION_RECORD_KINDS } from '@qonys/domain';

export const RETENTION_RECORD_KIND_CHOICES = RETENTION_RECORD_KINDS.map((kind) => ({
  id: kind,
  name: `app.retention_record_kinds.${kind}`,
}));
