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
    export: {
      truncated: 'Only the first %{count} rows were exported: narrow the filters to export the rest.',
    },
  },
};

export type EverydayMessages = typeof everydayEn;
