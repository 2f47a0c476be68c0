import type { NotificationMessages } from './en';

/** Қызметкерлерге арналған хабарламалардың белгілері қазақша. */
export const notificationsKk: NotificationMessages = {
  app: {
    notifications: {
      title: 'Хабарламалар',
      bell: 'Хабарламалар, оқылмағаны: %{count}',
      mark_all_read: 'Барлығын оқылды деп белгілеу',
      empty: 'Хабарлама жоқ',
      show_all: 'Барлық хабарламалар',
      kinds: {
        assigned: 'Іс тағайындалды',
        due_soon: 'Мерзімі жақындады',
        overdue: 'Мерзімі өтті',
        referral_answered: 'Жолдамаға жауап берілді',
        payment_needs_approval: 'Төлем бекітуді күтуде',
      },
    },
  },
  resources: {
    notifications: {
      name: 'Хабарлама |||| Хабарламалар',
      fields: { unread: 'Тек оқылмағандар', kind: 'Түрі', createdAt: 'Уақыты' },
    },
  },
};
