import type { ImportMessages } from './en';

/** Подписи экрана импорта по-русски. */
export const importsRu: ImportMessages = {
  app: {
    imports: {
      title: 'Импорт',
      new_heading: 'Новый импорт',
      kind: 'Что в файле',
      mode: 'Что сделать',
      file: 'Файл CSV или XLSX',
      region_code: 'Код региона для строк без него (необязательно)',
      start: 'Начать импорт',
      started_ok: 'Импорт поставлен в очередь',
      file_required: 'Выберите файл',
      template: 'Шаблон (%{language})',
      runs_heading: 'Последние импорты',
      no_runs: 'Импортов пока нет',
      created_at: 'Начат %{time}',
      progress: 'Прочитано %{read} · верных %{valid} · записано %{written}',
      report: 'Новых %{inserted} · изменено %{updated} · без изменений %{unchanged}',
      error_count: 'Ошибок: %{count}',
      download_errors: 'Строки с ошибками (CSV)',
      row: 'Строка',
      field: 'Столбец',
      message: 'Ошибка',
      kinds: { persons: 'Лица', 'labour-demand': 'Потребность в кадрах', 'arrivals-history': 'История прибытий' },
      modes: { 'dry-run': 'Только проверить', create: 'Только добавить новые', upsert: 'Добавить и обновить' },
      states: { queued: 'В очереди', running: 'Выполняется', completed: 'Завершён', failed: 'Ошибка' },
      load_error: 'Не удалось загрузить импорты.',
    },
  },
  resources: {
    imports: { name: 'Импорт |||| Импорты' },
  },
};
