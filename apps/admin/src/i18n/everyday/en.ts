/**
 * Labels of the everyday safeguards in English — exports, confirmations before
 * something is lost or changed, import help, the placement summary in plain words.
 * Its shape is the contract for kk.ts and ru.ts beside it (`EverydayMessages`).
 */
export const everydayEn = {
  app: {
    confirm: {
      discard_person_title: 'Close without saving?',
      discard_person: 'What you typed about the new person will be lost.',
      discard: 'Close without saving',
      keep_editing: 'Keep editing',
      reverify_title: 'Verify a rejected document?',
      reverify: 'The document “%{file}” was rejected: %{reason}. Verify it after all?',
      disable_user_title: 'Disable the account of %{name}?',
      disable_user:
        '%{name} (%{username}) will be signed out and cannot sign in until the account is enabled again. The change takes effect when you save.',
      disable: 'Disable',
    },
    labour_import: {
      empty: 'No labour demand recorded yet.',
      empty_invite: 'Add a row by hand or import a CSV or XLSX file.',
      columns_title: 'Columns of the import file',
      columns_intro:
        'The first row of the file names the columns exactly as written here (in English, lower case, in any order):',
      columns: {
        year: 'The year of the demand, four digits (2026).',
        region_code: 'The region’s two-digit KATO code (55 for Pavlodar region).',
        occupation: 'The occupation, as the employment centre names it.',
        vacancies: 'Open vacancies: a whole number, 0 or more.',
      },
      template: 'Download a template (CSV)',
    },
    plan_words: {
      best: 'No better plan exists: this is the best placement possible for these families and the places left.',
      near_best: 'This plan is within %{gap} of the best possible.',
      families: 'Families waiting for inclusion this year: %{families}',
      placed: 'Families who get a place: %{placed} of %{families}',
      first_choice: 'In the region they wanted most: %{count}',
      preferred: 'In one of the regions they chose: %{count}',
      waiting: 'Still waiting, with no room left in a region they fit: %{count}',
      none_waiting: 'No family is left waiting.',
      technical: 'Technical details',
      technical_help:
        'The LP bound is a ceiling no plan can pass; the gap says how far this plan is below it. Families with a fractional solution were split by the solver and placed whole afterwards.',
      fractional_families: 'Families with a fractional solution',
    },
    export: {
      truncated: 'Only the first %{count} rows were exported: narrow the filters to export the rest.',
      preparing: 'Preparing the export…',
      progress: '%{processed} of %{total} rows',
      ready: 'The export is ready: %{count} rows',
      download: 'Download',
      failed: 'The export failed',
    },
  },
};

export type EverydayMessages = typeof everydayEn;
