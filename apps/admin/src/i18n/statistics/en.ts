/** Labels of the statistics releases screen in English; its shape is the contract for kk and ru. */
export const statisticsEn = {
  app: {
    statistics: {
      publish: 'Publish a release',
      publish_help:
        'A new numbered release of the open statistics is computed from the records now, its small counts suppressed and audited. Published releases never change: a correction is a new release with a note.',
      note: 'Note (why this release)',
      queued: 'The release is being prepared; it appears here when the job finishes',
      public_page: 'Public page',
      files: '%{count} files',
      corrects: 'corrects release %{number}',
    },
  },
  resources: {
    'statistics-releases': {
      name: 'Statistics release |||| Statistics releases',
      fields: {
        id: 'Number',
        publishedAt: 'Published',
        note: 'Note',
        sha256: 'SHA-256',
        files: 'Files',
        suppressedCells: 'Suppressed cells',
      },
    },
  },
};

export type StatisticsMessages = typeof statisticsEn;
