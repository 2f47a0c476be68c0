import { lazy } from 'react';
import NotificationsIcon from '@mui/icons-material/Notifications';

/** A staff member's own notifications (docs/notifications.md); the bell lives in the app bar (layout/). */
export const notifications = {
  list: lazy(() => import('./NotificationList')),
  icon: NotificationsIcon,
};
export { NotificationBell, receivesNotifications } from './NotificationBell';
