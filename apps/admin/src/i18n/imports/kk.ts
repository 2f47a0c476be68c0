import type { ImportMessages } from './en';

/** Импорт экранының жазулары қазақша. */
export const importsKk: ImportMessages = {
  app: {
    imports: {
      title: 'Импорт',
      new_heading: 'Жаңа импорт',
      kind: 'Файлда не бар',
      mode: 'Не істеу керек',
      file: 'CSV немесе XLSX файлы',
      region_code: 'Коды жоқ жолдардың өңір коды (міндетті емес)',
      start: 'Импортты бастау',
      started_ok: 'Импорт кезекке қойылды',
      file_required: 'Файлды таңдаңыз',
      template: 'Үлгі (%{language})',
      runs_heading: 'Соңғы импорттар',
      no_runs: 'Әзірге импорт жоқ',
      created_at: 'Басталды: %{time}',
      progress: 'Оқылды %{read} · дұрысы %{valid} · жазылды %{written}',
      report: 'Жаңа %{inserted} · өзгерді %{updated} · өзгеріссіз %{unchanged}',
      error_count: 'Қателер: %{count}',
      download_errors: 'Қатесі бар жолдар (CSV)',
      row: 'Жол',
      field: 'Баған',
      message: 'Қате',
      kinds: { persons: 'Тұлғалар', 'labour-demand': 'Кадрларға сұраныс', 'arrivals-history': 'Келушілер тарихы' },
      modes: { 'dry-run': 'Тек тексеру', create: 'Тек жаңаларын қосу', upsert: 'Қосу және жаңарту' },
      states: { queued: 'Кезекте', running: 'Орындалуда', completed: 'Аяқталды', failed: 'Қате' },
      load_error: 'Импорттарды жүктеу мүмкін болмады.',
    },
  },
  resources: {
    imports: { name: 'Импорт |||| Импорттар' },
  },
};
