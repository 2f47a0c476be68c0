/**
 * The lists a figure's bar opens, with the filters that count the same rows
 * (test/api/monitoring.e2e-spec.ts checks that the counts agree).
 */
const listPath = (resource: string, filter: Record<string, unknown>) =>
  `/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}`;

const withRegion = (regionId: number | null) => (regionId === null ? {} : { regionId });

/** The last day of a YYYY-MM month. */
const lastDay = (month: string) => {
  const [year, m] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(year, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

/** Cases of a status submitted in a month (Kazakhstan days, as the list's date filters). */
export const applicationsLink = (status: string, month: string, regionId: number | null) =>
  listPath('applications', {
    status,
    submittedFrom: `${month}-01`,
    submittedTo: lastDay(month),
    ...withRegion(regionId),
  });

/** The case list's overdue queue of a region. */
export const overdueLink = (regionId: number) => listPath('applications', { queue: 'overdue', regionId });

/** A region's kandas quota of the year. */
export const quotaLink = (year: number, regionId: number) => listPath('quotas', { year, regionId, category: 'kandas' });
