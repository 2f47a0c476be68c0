/**
 * Labels of the everyday safeguards in English — exports, confirmations before
 * something is lost or changed, import help, the placement summary in plain words.
 * Its shape is the contract for kk.ts and ru.ts beside it (`EverydayMessages`).
 */
export const everydayEn = {
  app: {
    export: {
      truncated: 'Only the first %{count} rows were exported: narrow the filters to export the rest.',
    },
  },
};

export type EverydayMessages = typeof everydayEn;
