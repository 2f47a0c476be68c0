import type { PaymentMessages } from './en';

/** Қолдау төлемдері мен олардың топтамаларының белгілері қазақша. */
export const paymentsKk: PaymentMessages = {
  app: {
    payments: {
      states: {
        draft: 'Жоба',
        approved: 'Бекітілді',
        sent: 'Банкке жіберілді',
        paid: 'Төленді',
        failed: 'Банкте өтпеді',
        reconciled: 'Салыстырылды',
      },
      batch_states: {
        open: 'Ашық',
        sent: 'Тізілім жіберілді',
        closed: 'Жабық',
      },
      approve: 'Бекіту',
      approved: 'Төлем бекітілді',
      register: 'Тізілім (%{format})',
      bank_result: 'Банк нәтижесін жүктеу',
      bank_result_done: 'Төленді: %{paid}, өтпеді: %{failed}, бұрын жазылған: %{unchanged}',
      close: 'Топтаманы жабу',
    },
  },
  resources: {
    'support-payments': {
      name: 'Қолдау төлемі |||| Қолдау төлемдері',
      fields: {
        id: '№',
        applicationId: 'Отбасы',
        applicationNumber: 'Іс',
        applicantName: 'Өтініш беруші',
        kind: 'Қолдау',
        eventDate: 'Оқиға күні',
        state: 'Күйі',
        ruleId: 'Ереже',
        unconfirmed: 'Сома расталмаған',
        mciValue: 'АЕК, ₸',
        persons: 'Адам саны',
        amountMci: 'Сомасы, АЕК',
        monthlyMci: 'Айына АЕК',
        priceKzt: 'Тұрғын үй бағасы, ₸',
        amountKzt: 'Сомасы, ₸',
        batchId: 'Топтама',
        preparedBy: 'Дайындаған (пайдаланушы №)',
        approvedBy: 'Бекіткен (пайдаланушы №)',
        approvedAt: 'Бекітілген уақыты',
        sentAt: 'Жіберілген уақыты',
        paidAt: 'Төленген уақыты',
        bankReference: 'Банк анықтамасы',
        failureCode: 'Банктің бас тарту себебі',
      },
    },
    'payment-batches': {
      name: 'Төлем топтамасы |||| Төлем топтамалары',
      fields: {
        month: 'Ай',
        regionId: 'Өңір',
        state: 'Күйі',
        count: 'Төлемдер',
        amountKzt: 'Барлығы, ₸',
        states: 'Күйлері бойынша төлемдер',
        sentAt: 'Тізілім алынды',
        closedAt: 'Жабылды',
      },
    },
  },
};
