import type { ApplicantMessageMessages } from './en';

/** Өтініш берушілерге хабарламалардың белгілері қазақша. */
export const applicantMessagesKk: ApplicantMessageMessages = {
  app: {
    applicant_messages: {
      states: { queued: 'Жіберілуін күтуде', sent: 'Жіберілді', failed: 'Жеткізілмеді', cancelled: 'Болдырылмады' },
      kinds: {
        status_granted: 'Мәртебе берілді',
        information_requested: 'Қосымша мәліметтер сұралды',
        referral_accepted: 'Жолдама қабылданды',
        payment_sent: 'Төлем банкке жіберілді',
        status_expiring: 'Мәртебенің мерзімі аяқталып келеді',
      },
      channels: { email: 'Электрондық пошта', sms: 'SMS' },
      tab: 'Хабарламалар',
      none_on_case:
        'Отбасына хабарлама жіберілмеген: электрондық поштасы не телефоны жоқ немесе әлі ештеңе болған жоқ.',
      retry: 'Қайта жіберу',
      retried: 'Хабарлама келесі іске қосылғанда жіберіледі',
    },
  },
  resources: {
    'applicant-messages': {
      name: 'Өтініш берушіге хабарлама |||| Өтініш берушілерге хабарламалар',
      fields: {
        id: '№',
        applicationId: 'Отбасы',
        kind: 'Оқиға',
        channel: 'Арна',
        recipient: 'Алушы',
        language: 'Тіл',
        subject: 'Тақырып',
        state: 'Күйі',
        attempts: 'Әрекеттер',
        lastError: 'Соңғы қате',
        sentAt: 'Жіберілген уақыты',
        createdAt: 'Кезекке қойылған уақыты',
      },
    },
  },
};
