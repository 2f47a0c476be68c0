import type { ReferenceMessages } from './en';

/** Справочники процедуры (виды документов, правовые основания) по-русски. */
export const referenceRu: ReferenceMessages = {
  app: {
    document_scopes: {
      application: 'Один на дело',
      member: 'На каждого члена семьи',
    },
    document_conditions: {
      always: 'Всегда',
      without_commission: 'Если комиссия по национальности не рекомендовала заявителя',
      mission_abroad: 'Только для заявлений через загранучреждение',
    },
    legal_ground_kinds: {
      refuse_acceptance: 'Отказ в приёме',
      reject: 'Отказ',
      revoke: 'Отмена статуса',
    },
  },
  resources: {
    'document-types': {
      name: 'Вид документа |||| Перечень документов |||| Перечень документов',
      fields: {
        id: 'ID',
        q: 'Поиск',
        key: 'Ключ',
        name: 'Название',
        nameKk: 'Название (каз.)',
        nameRu: 'Название (рус.)',
        nameEn: 'Название (англ.)',
        scope: 'На кого',
        required: 'Обязателен для присвоения статуса',
        condition: 'Применяется',
        sortOrder: 'Порядок',
        source: 'Источник (правовой акт)',
        validFrom: 'Действует с',
        validTo: 'Действует по',
        validOn: 'Действует на дату',
        createdAt: 'Создан',
        updatedAt: 'Изменён',
        version: 'Версия',
      },
    },
    'legal-grounds': {
      name: 'Правовое основание |||| Правовые основания |||| Правовые основания',
      fields: {
        id: 'ID',
        q: 'Поиск',
        kind: 'Применяется для',
        code: 'Код',
        name: 'Название',
        nameKk: 'Название (каз.)',
        nameRu: 'Название (рус.)',
        nameEn: 'Название (англ.)',
        legalBasis: 'Правовое основание',
        sourceKk: 'Правовое основание (на казахском)',
        sourceRu: 'Правовое основание (на русском)',
        sourceEn: 'Правовое основание (на английском)',
        source: 'Источник (правовой акт)',
        validFrom: 'Действует с',
        validTo: 'Действует по',
        validOn: 'Действует на дату',
        createdAt: 'Создано',
        updatedAt: 'Изменено',
        version: 'Версия',
      },
    },
  },
};
