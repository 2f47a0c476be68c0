/**
 * Labels of permanent residence and citizenship steps in English (docs/legal-status.md).
 * Its shape is the contract for kk.ts and ru.ts beside it (`LegalStatusMessages`).
 */
export const legalStatusEn = {
  app: {
    legal_steps: {
      kinds: {
        permanent_residence: 'Permanent residence',
        citizenship: 'Citizenship',
      },
      // Inside a sentence of the timeline.
      kinds_in_sentence: {
        permanent_residence: 'permanent residence',
        citizenship: 'citizenship',
      },
      states: {
        applied: 'Applied',
        granted: 'Granted',
        refused: 'Refused',
      },
      decisions: {
        granted: 'Granted',
        refused: 'Refused',
      },
      tab: 'Residence and citizenship',
      empty: 'No application for permanent residence or citizenship yet.',
      help: 'Record each member’s application to the migration service and its decision. When every member is a citizen, the kandas status ends and the case closes.',
      add: 'Record an application',
      decide: 'Record the decision',
      recorded: 'Recorded',
      status_ended: 'Every member is a citizen: the kandas status has ended.',
    },
  },
  resources: {
    'legal-status-steps': {
      name: 'Residence or citizenship step |||| Residence and citizenship',
      fields: {
        id: 'No.',
        applicationId: 'Case',
        personId: 'Member',
        memberName: 'Member',
        kind: 'Step',
        state: 'State',
        appliedOn: 'Applied on',
        authority: 'Authority',
        decidedOn: 'Decided on',
        reference: 'Decision or document No.',
        decision: 'Decision',
      },
    },
  },
};

export type LegalStatusMessages = typeof legalStatusEn;
