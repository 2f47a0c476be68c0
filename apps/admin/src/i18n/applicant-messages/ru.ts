import type { ApplicantMessageMessages } from './en';

/** Подписи сообщений заявителям на русском. */
export const applicantMessagesRu: ApplicantMessageMessages = {
  app: {
    applicant_messages: {
      states: { queued: 'Ожидает отправки', sent: 'Отправлено', failed: 'Не доставлено', cancelled: 'Отменено' },
      kinds: {
        status_granted: 'Статус присвоен',
        information_requested: 'Запрошены сведения',
        referral_accepted: 'Направление принято',
        payment_sent: 'Выплата отправлена в банк',
        status_expiring: 'Срок статуса истекает',
      },
      channels: { email: 'Электронная почта', sms: 'SMS' },
      tab: 'Сообщения',
      none_on_case:
        'Семье сообщений не отправляли: у неё нет электронной почты и телефона или ещё ничего не произошло.',
      retry: 'Отправить снова',
      retried: 'Сообщение будет отправлено при следующем запуске',
    },
  },
  resources: {
    'applicant-messages': {
      name: 'Сообщение заявителю |||| Сообщения заявителям',
      fields: {
        id: '№',
        applicationId: 'Семья',
        kind: 'Событие',
        channel: 'Канал',
        recipient: 'Получатель',
        language: 'Язык',
        subject: 'Тема',
        state: 'Состояние',
        attempts: 'Попытки',
        lastError: 'Последняя ошибка',
        sentAt: 'Отправлено',
        createdAt: 'Поставлено в очередь',
      },
    },
  },
};
