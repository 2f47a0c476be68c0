/** Labels of the Imports screen in English; its shape is the contract for kk and ru. */
export const importsEn = {
  app: {
    imports: {
      title: 'Imports',
      new_heading: 'New import',
      kind: 'What the file holds',
      mode: 'What to do',
      file: 'CSV or XLSX file',
      region_code: 'Region code for rows without one (optional)',
      start: 'Start the import',
      started_ok: 'The import is queued',
      file_required: 'Choose a file',
      template: 'Template (%{language})',
      runs_heading: 'Recent imports',
      no_runs: 'No imports yet',
      created_at: 'Started %{time}',
      progress: 'Read %{read} · valid %{valid} · written %{written}',
      report: 'New %{inserted} · changed %{updated} · unchanged %{unchanged}',
      error_count: '%{count} problems',
      download_errors: 'Rows with errors (CSV)',
      row: 'Row',
      field: 'Column',
      message: 'Problem',
      kinds: { persons: 'Persons', 'labour-demand': 'Labour demand', 'arrivals-history': 'Arrivals history' },
      modes: { 'dry-run': 'Check only (dry run)', create: 'Add new only', upsert: 'Add and update' },
      states: { queued: 'Queued', running: 'Running', completed: 'Completed', failed: 'Failed' },
      load_error: 'The imports could not be loaded.',
    },
  },
  resources: {
    imports: { name: 'Import |||| Imports' },
  },
};

export type ImportMessages = typeof importsEn;
