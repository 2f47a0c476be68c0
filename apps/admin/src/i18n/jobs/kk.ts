import type { JobMessages } from './en';

/** Фондық тапсырмалар экранының белгілері қазақша. */
export const jobsKk: JobMessages = {
  app: {
    jobs: {
      title: 'Фондық тапсырмалар',
      jobs_heading: 'Тапсырмалар',
      runs_heading: 'Соңғы іске қосулар',
      run_now: 'Қазір іске қосу',
      queued_ok: 'Іске қосу кезекке қойылды',
      schedule: 'Кесте (UTC): %{cron}',
      on_demand: 'Тек сұраныс бойынша',
      last_run: 'Соңғы іске қосу: %{state}, %{time}',
      never_run: 'Әлі іске қосылмаған',
      no_runs: 'Іске қосулар әлі жоқ',
      queued_at: 'Кезекке қойылды: %{time}',
      finished_at: 'Аяқталды: %{time}',
      progress: '%{total} ішінен %{processed}',
      processed: '%{processed} орындалды',
      failed_items: '%{failed} сәтсіз',
      load_error: 'Тапсырмаларды жүктеу мүмкін болмады.',
      states: { queued: 'Кезекте', running: 'Орындалуда', completed: 'Аяқталды', failed: 'Сәтсіз' },
      names: {
        'placement-batch': 'Орналастыру топтамасы',
        'list-export': 'Тізім экспорты',
        'audit-checkpoint': 'Аудит журналының бақылау нүктесі',
        retention: 'Сақтау мерзімі',
        'status-expiry': 'Мәртебе мерзімінің өтуі',
        'rent-instalments': 'Жалдау төлемдері',
        forecast: 'Келушілер болжамы',
        'statistics-release': 'Статистика шығарылымы',
        'monitoring-aggregates': 'Мониторинг көрсеткіштері',
        'outcome-follow-ups': 'Нәтижені бақылаулар',
        'staff-notifications': 'Қызметкерлерге хабарламалар',
        'applicant-messages': 'Өтініш берушілерге хабарламалар',
        import: 'Импорт',
      },
    },
  },
  resources: {
    jobs: { name: 'Тапсырма |||| Тапсырмалар' },
  },
};
