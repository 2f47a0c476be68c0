import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import EventBusyIcon from '@mui/icons-material/EventBusy';
import HandshakeIcon from '@mui/icons-material/Handshake';
import PaymentsIcon from '@mui/icons-material/Payments';
import ScheduleIcon from '@mui/icons-material/Schedule';
import { ListItemIcon, ListItemText } from '@mui/material';
import type { NotificationKind, NotificationView } from '@qonys/domain';
import { useTranslate } from 'react-admin';
import { useFormatDateTime } from '../common/CalendarDate';
import { useTranslateMessage } from '../common/useTranslateMessage';

const ICONS: Record<NotificationKind, typeof ScheduleIcon> = {
  assigned: AssignmentIndIcon,
  due_soon: ScheduleIcon,
  overdue: EventBusyIcon,
  referral_answered: HandshakeIcon,
  payment_needs_approval: PaymentsIcon,
};

/** A notification's icon, its message in the reader's language, and its kind and time; unread ones in bold. */
export const NotificationText = ({ notification }: { notification: NotificationView }) => {
  const translate = useTranslate();
  const translateMessage = useTranslateMessage();
  const formatTime = useFormatDateTime();
  const Icon = ICONS[notification.kind];
  const unread = notification.readAt === null;
  return (
    <>
      <ListItemIcon sx={{ minWidth: 40 }}>
        <Icon color={unread ? 'primary' : 'disabled'} fontSize="small" />
      </ListItemIcon>
      <ListItemText
        primary={translateMessage(notification.message)}
        secondary={`${translate(`app.notifications.kinds.${notification.kind}`)} · ${formatTime(notification.createdAt)}`}
        slotProps={{
          primary: { sx: { fontWeight: unread ? 600 : 400, whiteSpace: 'normal', overflowWrap: 'anywhere' } },
          secondary: { sx: { whiteSpace: 'normal' } },
        }}
      />
    </>
  );
};
