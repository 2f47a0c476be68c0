import type { LegalStatusMessages } from './en';

/** Тұруға ықтиярхат пен азаматтық қадамдарының белгілері қазақша. */
export const legalStatusKk: LegalStatusMessages = {
  app: {
    legal_steps: {
      kinds: {
        permanent_residence: 'Тұруға ықтиярхат',
        citizenship: 'Азаматтық',
      },
      kinds_in_sentence: {
        permanent_residence: 'тұруға ықтиярхат',
        citizenship: 'азаматтық',
      },
      states: {
        applied: 'Өтініш берілді',
        granted: 'Берілді',
        refused: 'Бас тартылды',
      },
      decisions: {
        granted: 'Берілді',
        refused: 'Бас тартылды',
      },
      tab: 'Ықтиярхат және азаматтық',
      empty: 'Тұруға ықтиярхат немесе азаматтық алуға өтініш әлі жоқ.',
      help: 'Әр мүшенің көші-қон қызметіне берген өтінішін және шешімін жазыңыз. Барлық мүше азамат болғанда қандас мәртебесі тоқтатылып, іс жабылады.',
      add: 'Өтінішті жазу',
      decide: 'Шешімді жазу',
      recorded: 'Жазылды',
      status_ended: 'Барлық мүше — азамат: қандас мәртебесі тоқтатылды.',
    },
  },
  resources: {
    'legal-status-steps': {
      name: 'Ықтиярхат немесе азаматтық қадамы |||| Ықтиярхат және азаматтық',
      fields: {
        id: '№',
        applicationId: 'Іс',
        personId: 'Мүше',
        memberName: 'Мүше',
        kind: 'Қадам',
        state: 'Күйі',
        appliedOn: 'Өтініш күні',
        authority: 'Орган',
        decidedOn: 'Шешім күні',
        reference: 'Шешімнің немесе құжаттың №',
        decision: 'Шешім',
      },
    },
  },
};
