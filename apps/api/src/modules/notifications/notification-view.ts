import {
  type MessageCode,
  NOTIFICATION_KINDS,
  type NotificationCounts,
  type NotificationKind,
  type NotificationView,
} from '@qonys/domain';
import type { StaffNotification } from './entities/staff-notification.entity';

/** A stored notification as the API answers it: the link and the coded message, nothing else. */
export const toView = (row: StaffNotification): NotificationView<Date> => ({
  id: row.id,
  kind: row.kind,
  resource: row.resource,
  recordId: row.recordId,
  message: { code: row.code as MessageCode, params: row.params },
  createdAt: row.createdAt,
  readAt: row.readAt,
});

/** Every kind counted, the ones without unread notifications as 0. */
export function toCounts(byKind: ReadonlyMap<NotificationKind, number>): NotificationCounts {
  const counts = Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, byKind.get(kind) ?? 0])) as Record<
    NotificationKind,
    number
  >;
  return { unread: Object.values(counts).reduce((sum, n) => sum + n, 0), byKind: counts };
}
