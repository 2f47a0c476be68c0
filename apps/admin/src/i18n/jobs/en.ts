/** Labels of the Jobs screen in English; its shape is the contract for kk and ru. */
export const jobsEn = {
  app: {
    jobs: {
      title: 'Background jobs',
      jobs_heading: 'Jobs',
      runs_heading: 'Recent runs',
      run_now: 'Run now',
      queued_ok: 'The run is queued',
      schedule: 'Schedule (UTC): %{cron}',
      on_demand: 'On demand only',
      last_run: 'Last run: %{state}, %{time}',
      never_run: 'Not run yet',
      no_runs: 'No runs yet',
      queued_at: 'Queued %{time}',
      finished_at: 'Finished %{time}',
      progress: '%{processed} of %{total}',
      processed: '%{processed} done',
      failed_items: '%{failed} failed',
      load_error: 'The jobs could not be loaded.',
      states: { queued: 'Queued', running: 'Running', completed: 'Completed', failed: 'Failed' },
      names: {
        'placement-batch': 'Placement batch',
        'list-export': 'List export',
        'audit-checkpoint': 'Audit checkpoint',
        retention: 'Retention',
        'status-expiry': 'Status expiry',
        'rent-instalments': 'Rent instalments',
        forecast: 'Arrival forecasts',
        'statistics-release': 'Statistics release',
        'monitoring-aggregates': 'Monitoring figures',
        'outcome-follow-ups': 'Outcome follow-ups',
        'staff-notifications': 'Staff notifications',
        'applicant-messages': 'Messages to applicants',
        import: 'Import',
      },
    },
  },
  resources: {
    jobs: { name: 'Job |||| Jobs' },
  },
};

export type JobMessages = typeof jobsEn;
