/** The files of a statistics release, per dataset (docs/open-statistics.md): data as CSV and JSON-stat 2.0, and its Table Schema. */
export const STATISTICS_FILE_FORMATS = ['csv', 'jsonstat', 'schema'] as const;
export type StatisticsFileFormat = (typeof STATISTICS_FILE_FORMATS)[number];
