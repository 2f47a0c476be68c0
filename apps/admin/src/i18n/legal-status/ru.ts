import type { LegalStatusMessages } from './en';

/** Подписи шагов ВНЖ и гражданства на русском. */
export const legalStatusRu: LegalStatusMessages = {
  app: {
    legal_steps: {
      kinds: {
        permanent_residence: 'Вид на жительство',
        citizenship: 'Гражданство',
      },
      kinds_in_sentence: {
        permanent_residence: 'вид на жительство',
        citizenship: 'гражданство',
      },
      states: {
        applied: 'Заявление подано',
        granted: 'Предоставлено',
        refused: 'Отказано',
      },
      decisions: {
        granted: 'Предоставлено',
        refused: 'Отказано',
      },
      tab: 'ВНЖ и гражданство',
      empty: 'Заявлений на вид на жительство или гражданство пока нет.',
      help: 'Записывайте заявление каждого члена семьи в миграционную службу и решение по нему. Когда все члены семьи станут гражданами, статус кандаса прекращается и дело закрывается.',
      add: 'Записать заявление',
      decide: 'Записать решение',
      recorded: 'Записано',
      status_ended: 'Все члены семьи — граждане: статус кандаса прекращён.',
    },
  },
  resources: {
    'legal-status-steps': {
      name: 'Шаг ВНЖ или гражданства |||| ВНЖ и гражданство',
      fields: {
        id: '№',
        applicationId: 'Дело',
        personId: 'Член семьи',
        memberName: 'Член семьи',
        kind: 'Шаг',
        state: 'Состояние',
        appliedOn: 'Дата заявления',
        authority: 'Орган',
        decidedOn: 'Дата решения',
        reference: '№ решения или документа',
        decision: 'Решение',
      },
    },
  },
};
