/**
 * Labels of transfer requests between regions in English (docs/transfers.md).
 * Its shape is the contract for kk.ts and ru.ts beside it (`TransferMessages`).
 */
export const transfersEn = {
  app: {
    transfers: {
      states: {
        requested: 'Awaiting the receiving region',
        accepted: 'Accepted',
        declined: 'Declined',
        withdrawn: 'Withdrawn',
        expired: 'Closed: the family’s place changed',
      },
      reasons: {
        relatives: 'Relatives in the region',
        housing: 'Housing offered there',
        employment: 'Work offered there',
        health: 'Health or care needs',
        family_request: 'The family asked for it',
        quota_balance: 'No room left in this region',
        other: 'Other',
      },
      kinds: {
        settlement: 'Planned settlement',
        proposal: 'Batch matching line',
      },
      views: {
        incoming: 'To my region',
        outgoing: 'From my region',
        all: 'All',
      },
      accept: 'Accept',
      decline: 'Decline',
      withdraw: 'Withdraw',
      accept_title: 'Accept the family of case No. %{id}',
      accept_help:
        'The family moves from %{from} to %{to}. A planned settlement’s places are released there and reserved on your region’s quota at once, or nothing changes when it is full.',
      decline_title: 'Decline the family of case No. %{id}',
      decline_reason: 'Why your region declines',
      decline_reason_required: 'A decline needs a reason',
      withdraw_title: 'Withdraw the request for case No. %{id}',
      withdraw_help: 'The family stays in %{from}; %{to} is no longer asked.',
      accepted: 'The transfer is accepted',
      declined: 'The transfer is declined',
      withdrawn: 'The request is withdrawn',
      requested: 'The request is sent to %{region}; the family moves when its official accepts',
      ask_help:
        'Your region may not spend another region’s quota: the request goes to that region’s official, who accepts or declines it.',
      reason_code: 'Why the family should move',
      consent_date: 'Family’s consent given on',
      consent_document: 'Consent document (number or title)',
      consent_help: 'Needed when the region is not one the family chose',
      on_case: 'Transfer requests',
      none_on_case: 'No transfer was requested for this family.',
      summary: '%{from} → %{to}',
    },
  },
  resources: {
    'transfer-requests': {
      name: 'Transfer request |||| Transfer requests',
      fields: {
        id: 'No.',
        applicationId: 'Family',
        kind: 'What moves',
        fromRegionId: 'From',
        toRegionId: 'To',
        reasonCode: 'Why',
        reason: 'Reason',
        consentDate: 'Consent given on',
        consentDocument: 'Consent document',
        state: 'State',
        declineReason: 'Reason for declining',
        createdAt: 'Requested',
        decidedAt: 'Decided',
      },
    },
  },
};

export type TransferMessages = typeof transfersEn;
