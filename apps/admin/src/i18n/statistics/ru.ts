import type { StatisticsMessages } from './en';

export const statisticsRu: StatisticsMessages = {
  app: {
    statistics: {
      publish: 'Опубликовать выпуск',
      publish_help:
        'Новый нумерованный выпуск открытой статистики рассчитывается по текущим записям, малые числа в нём скрываются и проверяются. Опубликованный выпуск не меняется: исправление — новый выпуск с примечанием.',
      note: 'Примечание (причина выпуска)',
      queued: 'Выпуск готовится; он появится здесь, когда задание завершится',
      public_page: 'Открытая страница',
      files: 'Файлов: %{count}',
      corrects: 'исправляет выпуск %{number}',
    },
  },
  resources: {
    'statistics-releases': {
      name: 'Выпуск статистики |||| Выпуски статистики',
      fields: {
        id: 'Номер',
        publishedAt: 'Опубликован',
        note: 'Примечание',
        sha256: 'SHA-256',
        files: 'Файлы',
        suppressedCells: 'Скрытые ячейки',
      },
    },
  },
};
