import { useCallback } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationView } from '@qonys/domain';
import { useDataProvider, useNotify } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import type { QonysDataProvider } from '../providers/dataProvider';
import { notificationPath } from './notificationLink';

/** How often the bell asks for its counts while the tab is visible. */
export const COUNTS_POLL_MS = 60_000;

const COUNTS_KEY = ['notifications', 'counts'];

/**
 * The bell's counts: every minute while the tab is visible (react-query does not poll
 * a hidden tab), again when the window regains focus, and after each mark.
 */
export function useNotificationCounts() {
  const dataProvider = useDataProvider<QonysDataProvider>();
  return useQuery({
    queryKey: COUNTS_KEY,
    queryFn: () => dataProvider.notificationCounts(),
    refetchInterval: COUNTS_POLL_MS,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
  });
}

/** The newest notifications, for the bell's menu: asked for when it opens. */
export function useNewestNotifications(enabled: boolean) {
  const dataProvider = useDataProvider<QonysDataProvider>();
  return useQuery({
    queryKey: ['notifications', 'getList', 'newest'],
    queryFn: async () =>
      (
        await dataProvider.getList<NotificationView & { id: number }>('notifications', {
          pagination: { page: 1, perPage: 8 },
          sort: { field: 'createdAt', order: 'DESC' },
          filter: {},
        })
      ).data,
    enabled,
  });
}

/** Opening a notification: marks it read (when it is not yet), refreshes the bell and the lists, goes to its record. */
export function useOpenNotification() {
  const dataProvider = useDataProvider<QonysDataProvider>();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const notify = useNotify();
  return useCallback(
    async (notification: Pick<NotificationView, 'id' | 'resource' | 'recordId' | 'readAt'>) => {
      if (notification.readAt === null) {
        try {
          await dataProvider.markNotificationRead(notification.id);
          await queryClient.invalidateQueries({ queryKey: ['notifications'] });
        } catch (error) {
          // The record still opens; the bell says it is unread until the next try.
          notify((error as Error).message, { type: 'error' });
        }
      }
      await navigate(notificationPath(notification.resource, notification.recordId));
    },
    [dataProvider, queryClient, navigate, notify],
  );
}

/** Marks every one read, then refreshes the bell and the lists. */
export function useMarkAllRead() {
  const dataProvider = useDataProvider<QonysDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  return useCallback(async () => {
    try {
      await dataProvider.markAllNotificationsRead();
      await queryClient.invalidateQueries({ queryKey: ['notifications'] });
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  }, [dataProvider, queryClient, notify]);
}
