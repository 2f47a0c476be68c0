/** Labels of staff notifications in English (docs/notifications.md); its shape is the contract for kk and ru. */
export const notificationsEn = {
  app: {
    notifications: {
      title: 'Notifications',
      bell: 'Notifications, unread: %{count}',
      mark_all_read: 'Mark all read',
      empty: 'No notifications',
      show_all: 'All notifications',
      kinds: {
        assigned: 'Case assigned',
        due_soon: 'Deadline near',
        overdue: 'Deadline passed',
        referral_answered: 'Referral answered',
        payment_needs_approval: 'Payment to approve',
      },
    },
  },
  resources: {
    notifications: {
      name: 'Notification |||| Notifications',
      fields: { unread: 'Unread only', kind: 'Kind', createdAt: 'Time' },
    },
  },
};

export type NotificationMessages = typeof notificationsEn;
