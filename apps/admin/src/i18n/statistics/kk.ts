import type { StatisticsMessages } from './en';

export const statisticsKk: StatisticsMessages = {
  app: {
    statistics: {
      publish: 'Шығарылымды жариялау',
      publish_help:
        'Ашық статистиканың жаңа нөмірленген шығарылымы қазіргі жазбалардан есептеледі, шағын сандары жасырылып, тексеріледі. Жарияланған шығарылым өзгермейді: түзету — ескертпесі бар жаңа шығарылым.',
      note: 'Ескертпе (шығарылымның себебі)',
      queued: 'Шығарылым дайындалуда; тапсырма аяқталғанда осында пайда болады',
      public_page: 'Ашық бет',
      files: '%{count} файл',
      corrects: '%{number} шығарылымды түзетеді',
    },
  },
  resources: {
    'statistics-releases': {
      name: 'Статистика шығарылымы |||| Статистика шығарылымдары',
      fields: {
        id: 'Нөмірі',
        publishedAt: 'Жарияланды',
        note: 'Ескертпе',
        sha256: 'SHA-256',
        files: 'Файлдар',
        suppressedCells: 'Жасырылған ұяшықтар',
      },
    },
  },
};
