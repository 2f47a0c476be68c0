import type { PaymentMessages } from './en';

/** Подписи платежей поддержки и их пакетов на русском. */
export const paymentsRu: PaymentMessages = {
  app: {
    payments: {
      states: {
        draft: 'Черновик',
        approved: 'Утверждён',
        sent: 'Отправлен в банк',
        paid: 'Выплачен',
        failed: 'Не прошёл в банке',
        reconciled: 'Сверен',
      },
      batch_states: {
        open: 'Открыт',
        sent: 'Реестр отправлен',
        closed: 'Закрыт',
      },
      approve: 'Утвердить',
      approved: 'Платёж утверждён',
      register: 'Реестр (%{format})',
      bank_result: 'Загрузить ответ банка',
      bank_result_done: 'Выплачено: %{paid}, не прошло: %{failed}, уже учтено: %{unchanged}',
      close: 'Закрыть пакет',
    },
  },
  resources: {
    'support-payments': {
      name: 'Платёж поддержки |||| Платежи поддержки',
      fields: {
        id: '№',
        applicationId: 'Семья',
        applicationNumber: 'Дело',
        applicantName: 'Заявитель',
        kind: 'Поддержка',
        eventDate: 'Дата события',
        state: 'Состояние',
        ruleId: 'Правило',
        unconfirmed: 'Сумма не подтверждена',
        mciValue: 'МРП, ₸',
        persons: 'Человек',
        amountMci: 'Сумма, МРП',
        monthlyMci: 'МРП в месяц',
        priceKzt: 'Цена жилья, ₸',
        amountKzt: 'Сумма, ₸',
        batchId: 'Пакет',
        preparedBy: 'Подготовил (пользователь №)',
        approvedBy: 'Утвердил (пользователь №)',
        approvedAt: 'Утверждён',
        sentAt: 'Отправлен',
        paidAt: 'Выплачен',
        bankReference: 'Референс банка',
        failureCode: 'Причина отказа банка',
      },
    },
    'payment-batches': {
      name: 'Пакет платежей |||| Пакеты платежей',
      fields: {
        month: 'Месяц',
        regionId: 'Регион',
        state: 'Состояние',
        count: 'Платежей',
        amountKzt: 'Итого, ₸',
        states: 'Платежи по состояниям',
        sentAt: 'Реестр выгружен',
        closedAt: 'Закрыт',
      },
    },
  },
};
