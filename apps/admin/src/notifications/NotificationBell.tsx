import { useState, type MouseEvent } from 'react';
import NotificationsIcon from '@mui/icons-material/Notifications';
import {
  Badge,
  Box,
  Button,
  CircularProgress,
  Divider,
  IconButton,
  List,
  ListItemButton,
  Popover,
  Tooltip,
  Typography,
} from '@mui/material';
import { NOTIFIED_ROLES, type Role } from '@qonys/domain';
import { useCanAccess, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { useRole } from '../common/useRole';
import { NotificationText } from './NotificationText';
import { useMarkAllRead, useNewestNotifications, useNotificationCounts, useOpenNotification } from './useNotifications';

/**
 * The app bar's bell (docs/notifications.md): the unread count, and a popover of the
 * newest notifications, each opening its record; "mark all read" and the full list.
 */
export const NotificationBell = () => {
  const { canAccess } = useCanAccess({ resource: 'notifications', action: 'list' });
  const { role } = useRole();
  return canAccess && receivesNotifications(role) ? <Bell /> : null;
};

/** Whether some notification is ever addressed to the role (NOTIFIED_ROLES): the others get no bell and no menu item. */
export const receivesNotifications = (role: Role | null): boolean =>
  role !== null && (NOTIFIED_ROLES as readonly Role[]).includes(role);

const Bell = () => {
  const translate = useTranslate();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const { data: counts } = useNotificationCounts();
  const newest = useNewestNotifications(anchor !== null);
  const open = useOpenNotification();
  const markAllRead = useMarkAllRead();
  const unread = counts?.unread ?? 0;
  const close = () => setAnchor(null);
  const label = translate('app.notifications.bell', { count: unread });

  return (
    <>
      <Tooltip title={label}>
        <IconButton
          color="inherit"
          aria-label={label}
          aria-haspopup="true"
          aria-controls={anchor ? 'qonys-notifications' : undefined}
          aria-expanded={anchor ? 'true' : undefined}
          data-testid="notification-bell"
          onClick={(event: MouseEvent<HTMLElement>) => setAnchor(event.currentTarget)}
        >
          <Badge badgeContent={unread} color="error" max={99} data-testid="notification-count">
            <NotificationsIcon />
          </Badge>
        </IconButton>
      </Tooltip>
      <Popover
        id="qonys-notifications"
        open={anchor !== null}
        anchorEl={anchor}
        onClose={close}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { sx: { width: 'min(400px, calc(100vw - 16px))', maxHeight: '70vh' } } }}
      >
        <Box sx={{ display: 'flex', alignItems: 'center', px: 2, py: 1, gap: 1 }}>
          <Typography variant="subtitle1" component="h2" sx={{ flexGrow: 1 }}>
            {translate('app.notifications.title')}
          </Typography>
          <Button size="small" disabled={unread === 0} onClick={() => void markAllRead()}>
            {translate('app.notifications.mark_all_read')}
          </Button>
        </Box>
        <Divider />
        {newest.isPending ? (
          <Box sx={{ display: 'flex', justifyContent: 'center', p: 2 }}>
            <CircularProgress size={24} />
          </Box>
        ) : newest.data && newest.data.length > 0 ? (
          <List dense disablePadding aria-label={translate('app.notifications.title')}>
            {newest.data.map((notification) => (
              <ListItemButton
                key={notification.id}
                alignItems="flex-start"
                onClick={() => {
                  close();
                  void open(notification);
                }}
              >
                <NotificationText notification={notification} />
              </ListItemButton>
            ))}
          </List>
        ) : (
          <Typography sx={{ p: 2 }} color="text.secondary">
            {translate('app.notifications.empty')}
          </Typography>
        )}
        <Divider />
        <Box sx={{ display: 'flex', justifyContent: 'center', py: 0.5 }}>
          <Button size="small" component={Link} to="/notifications" onClick={close}>
            {translate('app.notifications.show_all')}
          </Button>
        </Box>
      </Popover>
    </>
  );
};
