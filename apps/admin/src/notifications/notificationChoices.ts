import { NOTIFICATION_KINDS } from '@qonys/domain';

export const NOTIFICATION_KIND_CHOICES = NOTIFICATION_KINDS.map((id) => ({
  id,
  name: `app.notifications.kinds.${id}`,
}));
