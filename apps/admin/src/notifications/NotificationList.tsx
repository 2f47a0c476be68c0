import { List as MuiList, ListItem, ListItemButton, Typography } from '@mui/material';
import type { NotificationView } from '@qonys/domain';
import { BooleanInput, Button, List, SelectInput, TopToolbar, useListContext, useTranslate } from 'react-admin';
import { LocalePagination } from '../common/LocalePagination';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import { NotificationText } from './NotificationText';
import { NOTIFICATION_KIND_CHOICES } from './notificationChoices';
import { useMarkAllRead, useOpenNotification } from './useNotifications';

const MarkAllReadButton = () => {
  const markAllRead = useMarkAllRead();
  return (
    <Button label="app.notifications.mark_all_read" startIcon={<DoneAllIcon />} onClick={() => void markAllRead()} />
  );
};

/** The rows as a list of messages on every screen width: each opens its record. */
const Items = () => {
  const translate = useTranslate();
  const { data, isPending } = useListContext<NotificationView & { id: number }>();
  const open = useOpenNotification();
  if (isPending) return null;
  if (!data || data.length === 0) {
    return (
      <Typography sx={{ p: 2 }} color="text.secondary">
        {translate('app.notifications.empty')}
      </Typography>
    );
  }
  return (
    <MuiList aria-label={translate('app.notifications.title')}>
      {data.map((notification) => (
        <ListItem key={notification.id} disablePadding>
          <ListItemButton alignItems="flex-start" onClick={() => void open(notification)}>
            <NotificationText notification={notification} />
          </ListItemButton>
        </ListItem>
      ))}
    </MuiList>
  );
};

/** All of the caller's notifications, newest first; unread ones in bold, or only them. */
export const NotificationList = () => {
  const filters = [
    // Off means every notification, not the read ones only: the filter goes.
    <BooleanInput key="unread" source="unread" alwaysOn parse={(value: boolean) => (value ? true : undefined)} />,
    <SelectInput key="kind" source="kind" choices={NOTIFICATION_KIND_CHOICES} alwaysOn />,
  ];
  return (
    <List
      filters={filters}
      sort={{ field: 'createdAt', order: 'DESC' }}
      actions={
        <TopToolbar>
          <MarkAllReadButton />
        </TopToolbar>
      }
      pagination={<LocalePagination rowsPerPageOptions={[25, 50]} />}
      empty={false}
    >
      <Items />
    </List>
  );
};

export default NotificationList;
