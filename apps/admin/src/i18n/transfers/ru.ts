import type { TransferMessages } from './en';

/** Подписи запросов на перевод между регионами на русском. */
export const transfersRu: TransferMessages = {
  app: {
    transfers: {
      states: {
        requested: 'Ждёт решения принимающего региона',
        accepted: 'Принят',
        declined: 'Отклонён',
        withdrawn: 'Отозван',
        expired: 'Закрыт: место семьи изменилось',
      },
      reasons: {
        relatives: 'В регионе живут родственники',
        housing: 'Там предложено жильё',
        employment: 'Там предложена работа',
        health: 'Здоровье или уход',
        family_request: 'Семья сама попросила',
        quota_balance: 'В этом регионе не осталось мест',
        other: 'Другое',
      },
      kinds: {
        settlement: 'Запланированное переселение',
        proposal: 'Строка группового подбора',
      },
      views: {
        incoming: 'В мой регион',
        outgoing: 'Из моего региона',
        all: 'Все',
      },
      accept: 'Принять',
      decline: 'Отклонить',
      withdraw: 'Отозвать',
      accept_title: 'Принять семью по делу № %{id}',
      accept_help:
        'Семья переводится: %{from} → %{to}. Места запланированного переселения там освобождаются и сразу бронируются по квоте вашего региона; если квота заполнена, ничего не меняется.',
      decline_title: 'Отклонить семью по делу № %{id}',
      decline_reason: 'Почему ваш регион отказывает',
      decline_reason_required: 'Укажите причину отказа',
      withdraw_title: 'Отозвать запрос по делу № %{id}',
      withdraw_help: 'Семья остаётся в регионе «%{from}»; регион «%{to}» больше не спрашивают.',
      accepted: 'Перевод принят',
      declined: 'Перевод отклонён',
      withdrawn: 'Запрос отозван',
      requested: 'Запрос направлен в регион «%{region}»; семья переводится, когда его должностное лицо примет запрос',
      ask_help:
        'Ваш регион не может расходовать квоту другого региона: запрос направляется должностному лицу того региона, и оно принимает или отклоняет его.',
      reason_code: 'Почему семье нужно переехать',
      consent_date: 'Дата согласия семьи',
      consent_document: 'Документ о согласии (номер или название)',
      consent_help: 'Нужно, если семья не выбирала этот регион',
      on_case: 'Запросы на перевод',
      none_on_case: 'Перевод этой семьи не запрашивался.',
      summary: '%{from} → %{to}',
    },
  },
  resources: {
    'transfer-requests': {
      name: 'Запрос на перевод |||| Запросы на перевод',
      fields: {
        id: '№',
        applicationId: 'Семья',
        kind: 'Что переводится',
        fromRegionId: 'Откуда',
        toRegionId: 'Куда',
        reasonCode: 'Причина',
        reason: 'Пояснение',
        consentDate: 'Дата согласия',
        consentDocument: 'Документ о согласии',
        state: 'Состояние',
        declineReason: 'Причина отказа',
        createdAt: 'Запрошен',
        decidedAt: 'Решён',
      },
    },
  },
};
