import type { NotificationMessages } from './en';

/** Подписи уведомлений сотрудников на русском. */
export const notificationsRu: NotificationMessages = {
  app: {
    notifications: {
      title: 'Уведомления',
      bell: 'Уведомления, непрочитанных: %{count}',
      mark_all_read: 'Отметить все как прочитанные',
      empty: 'Уведомлений нет',
      show_all: 'Все уведомления',
      kinds: {
        assigned: 'Дело назначено',
        due_soon: 'Срок подходит',
        overdue: 'Срок истёк',
        referral_answered: 'Ответ на направление',
        payment_needs_approval: 'Платёж ждёт утверждения',
      },
    },
  },
  resources: {
    notifications: {
      name: 'Уведомление |||| Уведомления',
      fields: { unread: 'Только непрочитанные', kind: 'Вид', createdAt: 'Время' },
    },
  },
};
