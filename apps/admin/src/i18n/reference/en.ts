/**
 * Labels of the case procedure's reference data (document types, legal grounds) in English.
 * Its shape is the contract for kk.ts and ru.ts beside it (`ReferenceMessages`).
 */
export const referenceEn = {
  app: {
    document_scopes: {
      application: 'Once for the case',
      member: 'For each family member',
    },
    document_conditions: {
      always: 'Always',
      without_commission: 'Unless the nationality commission recommended the applicant',
      mission_abroad: 'Only for applications through a mission abroad',
    },
    retention_record_kinds: {
      closed_case_persons: 'Persons of a closed case',
    },
    legal_ground_kinds: {
      refuse_acceptance: 'Refusal to accept',
      reject: 'Rejection',
      revoke: 'Revocation',
    },
  },
  resources: {
    'document-types': {
      name: 'Document type |||| Document checklist',
      fields: {
        id: 'ID',
        q: 'Search',
        key: 'Key',
        name: 'Name',
        nameKk: 'Name (Kazakh)',
        nameRu: 'Name (Russian)',
        nameEn: 'Name (English)',
        scope: 'Kept',
        required: 'Required for approval',
        condition: 'Applies',
        sortOrder: 'Order',
        source: 'Source (legal act)',
        validFrom: 'Valid from',
        validTo: 'Valid to',
        validOn: 'Valid on',
        createdAt: 'Created',
        updatedAt: 'Updated',
        version: 'Version',
      },
    },
    'retention-rules': {
      name: 'Retention rule |||| Retention rules',
      fields: {
        id: 'ID',
        q: 'Search',
        recordKind: 'Kind of record',
        keepYears: 'Kept (years after the case closed)',
        name: 'Name',
        nameKk: 'Name (Kazakh)',
        nameRu: 'Name (Russian)',
        nameEn: 'Name (English)',
        source: 'Source (legal act)',
        validFrom: 'Valid from',
        validTo: 'Valid to',
        validOn: 'Valid on',
        createdAt: 'Created',
        updatedAt: 'Updated',
        version: 'Version',
      },
    },
    'legal-grounds': {
      name: 'Legal ground |||| Legal grounds',
      fields: {
        id: 'ID',
        q: 'Search',
        kind: 'Used for',
        code: 'Code',
        name: 'Name',
        nameKk: 'Name (Kazakh)',
        nameRu: 'Name (Russian)',
        nameEn: 'Name (English)',
        legalBasis: 'Legal basis',
        sourceKk: 'Legal basis (Kazakh)',
        sourceRu: 'Legal basis (Russian)',
        sourceEn: 'Legal basis (English)',
        source: 'Source (legal act)',
        validFrom: 'Valid from',
        validTo: 'Valid to',
        validOn: 'Valid on',
        createdAt: 'Created',
        updatedAt: 'Updated',
        version: 'Version',
      },
    },
  },
};

export type ReferenceMessages = typeof referenceEn;
