import type { ReferenceMessages } from './en';

/** Іс рәсімінің анықтамалықтары (құжат түрлері, құқықтық негіздер) қазақша. */
export const referenceKk: ReferenceMessages = {
  app: {
    document_scopes: {
      application: 'Іс үшін бір рет',
      member: 'Әр отбасы мүшесі үшін',
    },
    document_conditions: {
      always: 'Әрқашан',
      without_commission: 'Ұлт комиссиясы өтініш берушіні ұсынбаса',
      mission_abroad: 'Тек шетелдегі мекеме арқылы берілген өтініштерге',
    },
    legal_ground_kinds: {
      refuse_acceptance: 'Қабылдаудан бас тарту',
      reject: 'Бас тарту',
      revoke: 'Мәртебені жою',
    },
  },
  resources: {
    'document-types': {
      name: 'Құжат түрі |||| Құжаттар тізбесі',
      fields: {
        id: 'ID',
        q: 'Іздеу',
        key: 'Кілт',
        name: 'Атауы',
        nameKk: 'Атауы (қазақша)',
        nameRu: 'Атауы (орысша)',
        nameEn: 'Атауы (ағылшынша)',
        scope: 'Кімге',
        required: 'Мәртебе беру үшін міндетті',
        condition: 'Қолданылуы',
        sortOrder: 'Реті',
        source: 'Дереккөз (құқықтық акт)',
        validFrom: 'Қолданылу басы',
        validTo: 'Қолданылу соңы',
        validOn: 'Қолданылатын күн',
        createdAt: 'Құрылған',
        updatedAt: 'Өзгертілген',
        version: 'Нұсқа',
      },
    },
    'legal-grounds': {
      name: 'Құқықтық негіз |||| Құқықтық негіздер',
      fields: {
        id: 'ID',
        q: 'Іздеу',
        kind: 'Қолданылуы',
        code: 'Коды',
        name: 'Атауы',
        nameKk: 'Атауы (қазақша)',
        nameRu: 'Атауы (орысша)',
        nameEn: 'Атауы (ағылшынша)',
        legalBasis: 'Құқықтық негіз',
        sourceKk: 'Құқықтық негіз (қазақша)',
        sourceRu: 'Құқықтық негіз (орысша)',
        sourceEn: 'Құқықтық негіз (ағылшынша)',
        source: 'Дереккөз (құқықтық акт)',
        validFrom: 'Қолданылу басы',
        validTo: 'Қолданылу соңы',
        validOn: 'Қолданылатын күн',
        createdAt: 'Құрылған',
        updatedAt: 'Өзгертілген',
        version: 'Нұсқа',
      },
    },
  },
};
