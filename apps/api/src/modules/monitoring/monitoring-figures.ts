import {
  type MonitoringDashboard,
  percentileOfHistogram,
  SETTLEMENT_BALANCE_GROUPS,
  settlementBalanceGroup,
  type SettlementBalanceGroup,
} from '@qonys/domain';

export type { MonitoringDashboard };
import type { MonitoringFilter, MonitoringRows } from './monitoring.repository';

const monthKey = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;
const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

/** Turns the summary rows into the dashboard's figures: percentiles of distributions, shares of groups. */
export function dashboardFigures(rows: MonitoringRows, filter: MonitoringFilter): MonitoringDashboard {
  const processing = new Map<number, { value: number; count: number }[]>();
  for (const r of rows.processing) {
    const buckets = processing.get(r.month) ?? [];
    buckets.push({ value: r.workingDays, count: r.decisions });
    processing.set(r.month, buckets);
  }
  const waits = rows.referralWaits.map((r) => ({ value: r.waitDays, count: r.referrals }));

  const regionById = new Map(rows.regions.map((r) => [r.id, r]));
  const balance = new Map<number, Record<SettlementBalanceGroup, number>>();
  for (const r of rows.arrivalsByYear) {
    const region = regionById.get(r.regionId);
    if (!region) continue;
    const byGroup = balance.get(r.year) ?? { settlement_regions: 0, south_and_cities: 0, other: 0 };
    byGroup[settlementBalanceGroup(region.code, region.settlementYears, r.year)] += r.persons;
    balance.set(r.year, byGroup);
  }

  return {
    asOf: rows.asOf === null ? null : new Date(rows.asOf).toISOString(),
    year: filter.year,
    regionId: filter.regionId,
    origin: filter.origin,
    statutoryTermWorkingDays: rows.statutoryTermWorkingDays,
    regions: rows.regions.map(({ id, code, nameKk, nameRu, nameEn }) => ({ id, code, nameKk, nameRu, nameEn })),
    applicationsByMonth: rows.applications.map((r) => ({
      month: monthKey(filter.year, r.month),
      status: r.status,
      applications: r.applications,
    })),
    processingByMonth: [...processing.entries()]
      .sort(([a], [b]) => a - b)
      .map(([month, buckets]) => ({
        month: monthKey(filter.year, month),
        decisions: buckets.reduce((sum, b) => sum + b.count, 0),
        medianWorkingDays: percentileOfHistogram(buckets, 0.5),
        p90WorkingDays: percentileOfHistogram(buckets, 0.9),
      })),
    decisionsByGround: rows.decisions,
    overdueByRegion: rows.overdue,
    quotaByRegion: rows.quotas.map((q) => ({ ...q, free: q.capacity - q.reserved - q.settled })),
    arrivalsByMonth: rows.arrivals.map((r) => ({ ...r, month: monthKey(filter.year, r.month) })),
    originCountries: rows.origins,
    agePyramid: rows.pyramid,
    education: rows.education,
    referralsByOutcome: rows.referrals,
    referralWaiting: {
      enrolled: waits.reduce((sum, b) => sum + b.count, 0),
      medianDays: percentileOfHistogram(waits, 0.5),
      p90Days: percentileOfHistogram(waits, 0.9),
    },
    payments: rows.payments,
    settlementBalance: [...balance.entries()]
      .sort(([a], [b]) => a - b)
      .flatMap(([year, byGroup]) => {
        const total = SETTLEMENT_BALANCE_GROUPS.reduce((sum, g) => sum + byGroup[g], 0);
        return SETTLEMENT_BALANCE_GROUPS.map((group) => ({
          year,
          group,
          persons: byGroup[group],
          share: total === 0 ? 0 : round4(byGroup[group] / total),
        }));
      }),
  };
}
