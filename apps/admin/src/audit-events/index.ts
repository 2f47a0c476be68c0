import { lazy } from 'react';
import HistoryIcon from '@mui/icons-material/History';

/** The append-only, hash-chained audit log: every write and sign-in leaves a row. */
export const auditEvents = {
  list: lazy(() => import('./AuditEventList')),
  show: lazy(() => import('./AuditEventShow')),
  icon: HistoryIcon,
  recordRepresentation: (record: { id: number }) => `#${record.id}`,
};
