import type { NotificationCounts, NotificationView } from '@qonys/domain';
import { apiFetch } from './httpClient';

const post = (path: string) => apiFetch(path, { method: 'POST', body: '{}' });

/** The caller's own notifications beyond the list (docs/notifications.md). */
export interface NotificationMethods {
  notificationCounts(): Promise<NotificationCounts>;
  markNotificationRead(id: number): Promise<NotificationView>;
  markAllNotificationsRead(): Promise<{ updated: number }>;
}

export const notificationMethods: NotificationMethods = {
  notificationCounts: async () => (await apiFetch('/notifications/counts')).json as NotificationCounts,
  markNotificationRead: async (id) =>
    (await post(`/notifications/${encodeURIComponent(id)}/read`)).json as NotificationView,
  markAllNotificationsRead: async () => (await post('/notifications/read-all')).json as { updated: number },
};
