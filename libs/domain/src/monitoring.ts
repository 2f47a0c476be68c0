import { daysOffInYear, type HolidayRule } from './calendar';
import { addDays, parseIsoDate } from './iso-date';

/**
 * The monitoring dashboard's groupings (docs/monitoring.md). The summary tables are
 * refreshed by the `monitoring-aggregates` job; these are the rules they group by.
 */

/**
 * "The south and the big cities": the paper's concern is that returning kandas crowd
 * the three cities of republican significance and the southern regions, while the
 * Government's settlement regions (north and east, region.settlement_years) stay short
 * of people. KATO codes: Astana, Almaty city, Shymkent; Almaty Region, Jetisu (split
 * from Almaty Region in 2022), Zhambyl, Turkistan and Kyzylorda.
 */
export const SOUTH_AND_CITIES_REGION_CODES: readonly string[] = ['71', '75', '79', '19', '33', '31', '61', '43'];

/** Where a year's arrivals went: a settlement region of that year, the south and cities, or elsewhere. */
export const SETTLEMENT_BALANCE_GROUPS = ['settlement_regions', 'south_and_cities', 'other'] as const;
export type SettlementBalanceGroup = (typeof SETTLEMENT_BALANCE_GROUPS)[number];

/** A settlement region of the year counts as such even if it were in the south. */
export function settlementBalanceGroup(
  regionCode: string,
  settlementYears: readonly number[],
  year: number,
): SettlementBalanceGroup {
  if (settlementYears.includes(year)) return 'settlement_regions';
  return SOUTH_AND_CITIES_REGION_CODES.includes(regionCode) ? 'south_and_cities' : 'other';
}

/** Ten-year age groups of the pyramid, by age on the day the case was submitted; the last is open. */
export const AGE_GROUPS = ['0-9', '10-19', '20-29', '30-39', '40-49', '50-59', '60-69', '70+'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];
export const AGE_GROUP_WIDTH = 10;

/** The decisions figure's outcomes: a status granted, refused (at acceptance or on review) or revoked. */
export const DECISION_FIGURE_OUTCOMES = ['approved', 'refused', 'revoked'] as const;
export type DecisionFigureOutcome = (typeof DECISION_FIGURE_OUTCOMES)[number];

/** The referral figure's outcomes: a closed referral's result, or still open. */
export const REFERRAL_FIGURE_OUTCOMES = ['successful', 'not_successful', 'rejected', 'cancelled', 'open'] as const;
export type ReferralFigureOutcome = (typeof REFERRAL_FIGURE_OUTCOMES)[number];

/** One bucket of a distribution: `value` (e.g. working days) seen `count` times. */
export interface HistogramBucket {
  value: number;
  count: number;
}

/**
 * The `p`-th percentile (0 < p ≤ 1) of a distribution kept as buckets — nearest rank,
 * so the answer is always a value that occurred. The summary tables keep distributions
 * rather than medians because medians of regions do not add up to the nation's median.
 */
export function percentileOfHistogram(buckets: readonly HistogramBucket[], p: number): number | null {
  if (!(p > 0 && p <= 1)) throw new RangeError(`percentile must be in (0, 1], got ${p}`);
  const sorted = buckets.filter((b) => b.count > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, b) => sum + b.count, 0);
  if (total === 0) return null;
  const rank = Math.ceil(p * total);
  let seen = 0;
  for (const bucket of sorted) {
    seen += bucket.count;
    if (seen >= rank) return bucket.value;
  }
  return sorted[sorted.length - 1].value;
}

/**
 * The working-day number of every day from `from` to `to`: the count of working days
 * after `from` up to and including that day, so that the working days between two
 * dates (as workingDaysBetween counts them) are the difference of their numbers. The
 * refresh builds this once and the database joins it, instead of counting per case.
 */
export function workingDayNumbers(
  from: string,
  to: string,
  rules: readonly HolidayRule[],
): { days: string[]; numbers: number[] } {
  parseIsoDate(from);
  parseIsoDate(to);
  const days: string[] = [];
  const numbers: number[] = [];
  const daysOff = new Map<number, Set<string>>();
  let count = 0;
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const year = parseIsoDate(day).year;
    let off = daysOff.get(year);
    if (!off) daysOff.set(year, (off = daysOffInYear(year, rules)));
    if (day !== from && !off.has(day)) count++;
    days.push(day);
    numbers.push(count);
  }
  return { days, numbers };
}

/** GET /api/monitoring/dashboard: each figure is the rows its chart and its table both show. */
export interface MonitoringDashboard {
  /** When the summary tables were last rewritten; null before the first refresh. */
  asOf: string | null;
  year: number;
  /** The region the figures cover (always the caller's own for region-scoped roles), or null for all. */
  regionId: number | null;
  origin: string | null;
  /** Completeness check + status decision, in working days, as the settings stand today. */
  statutoryTermWorkingDays: number | null;
  regions: { id: number; code: string; nameKk: string; nameRu: string; nameEn: string }[];
  applicationsByMonth: { month: string; status: string; applications: number }[];
  processingByMonth: {
    month: string;
    decisions: number;
    medianWorkingDays: number | null;
    p90WorkingDays: number | null;
  }[];
  decisionsByGround: {
    outcome: string;
    legalGroundId: number | null;
    legalGroundCode: string | null;
    legalGround: { nameKk: string; nameRu: string; nameEn: string } | null;
    decisions: number;
  }[];
  overdueByRegion: { regionId: number; overdue: number }[];
  quotaByRegion: { regionId: number; capacity: number; reserved: number; settled: number; free: number }[];
  arrivalsByMonth: { month: string; regionId: number; families: number; persons: number }[];
  originCountries: { country: string | null; persons: number }[];
  agePyramid: { ageGroup: string; sex: string; persons: number }[];
  education: { educationLevel: string | null; persons: number }[];
  referralsByOutcome: { outcome: string; referrals: number }[];
  referralWaiting: { enrolled: number; medianDays: number | null; p90Days: number | null };
  payments: { kind: string; payments: number; amountKzt: number; amountMci: number }[];
  /** Persons arrived per year by where they went; `share` of the year's total, 0–1 rounded to 4 places. */
  settlementBalance: { year: number; group: SettlementBalanceGroup; persons: number; share: number }[];
}
