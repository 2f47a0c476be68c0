import type { JobMessages } from './en';

/** Подписи экрана фоновых заданий по-русски. */
export const jobsRu: JobMessages = {
  app: {
    jobs: {
      title: 'Фоновые задания',
      jobs_heading: 'Задания',
      runs_heading: 'Последние запуски',
      run_now: 'Запустить сейчас',
      queued_ok: 'Запуск поставлен в очередь',
      schedule: 'Расписание (UTC): %{cron}',
      on_demand: 'Только по запросу',
      last_run: 'Последний запуск: %{state}, %{time}',
      never_run: 'Ещё не запускалось',
      no_runs: 'Запусков пока нет',
      queued_at: 'В очереди с %{time}',
      finished_at: 'Завершено %{time}',
      progress: '%{processed} из %{total}',
      processed: 'Выполнено: %{processed}',
      failed_items: 'С ошибкой: %{failed}',
      load_error: 'Не удалось загрузить задания.',
      states: { queued: 'В очереди', running: 'Выполняется', completed: 'Завершено', failed: 'Ошибка' },
      names: {
        'placement-batch': 'Пакет распределения',
        'list-export': 'Выгрузка списка',
        'audit-checkpoint': 'Контрольная точка журнала аудита',
        retention: 'Сроки хранения',
        'status-expiry': 'Истечение статусов',
        'rent-instalments': 'Платежи за аренду',
        forecast: 'Прогноз прибытий',
        'statistics-release': 'Выпуск статистики',
        'monitoring-aggregates': 'Показатели мониторинга',
        'outcome-follow-ups': 'Проверки итогов',
        'staff-notifications': 'Уведомления сотрудников',
        'applicant-messages': 'Сообщения заявителям',
        import: 'Импорт',
      },
    },
  },
  resources: {
    jobs: { name: 'Задание |||| Задания' },
  },
};
