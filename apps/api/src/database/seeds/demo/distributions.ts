/**
 * The published figures the demo families follow. Every table, its source and the
 * gaps filled in are described in docs/demo-data.md; change them there and here together.
 */

/** Arrivals (persons) per year, docs/demo-data.md "Years". 2017–2018 are interpolated. */
export const ARRIVALS_BY_YEAR: Readonly<Record<number, number>> = {
  2016: 33_754,
  2017: 26_800,
  2018: 19_900,
  2019: 13_000,
  2020: 12_300,
  2021: 17_358,
  2022: 15_637,
  2023: 19_476,
  2024: 19_700,
  2025: 16_805,
  2026: 16_805,
};
export const FIRST_YEAR = 2016;

type Shares = Readonly<Record<string, number>>;

/** Country of origin (ISO 3166-1 alpha-2), docs/demo-data.md "Countries of origin". */
const ORIGIN_1991_2015: Shares = { UZ: 61.5, CN: 14.3, MN: 9.3, TM: 6.8, RU: 4.6, OTHER: 3.5 };
const ORIGIN_2024: Shares = { UZ: 39.2, CN: 45.6, MN: 5.4, TM: 5.5, RU: 3.1, OTHER: 1.2 };
const ORIGIN_2025: Shares = { UZ: 44.5, CN: 44.1, MN: 3, TM: 4, RU: 2.5, OTHER: 1.9 };
/** "Other" countries, in equal parts: where the remaining kandas come from (docs/demo-data.md). */
export const OTHER_ORIGINS = ['KG', 'TJ', 'IR', 'AF', 'TR'] as const;

/** Linear blend of two share tables: t = 0 gives `a`, t = 1 gives `b`. */
function blend(a: Shares, b: Shares, t: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    out[key] = (a[key] ?? 0) * (1 - t) + (b[key] ?? 0) * t;
  }
  return out;
}

/** 2016–2023 lie between the 1991–2015 mix (taken as 2015) and 2024's. */
export function originShares(year: number): Shares {
  if (year >= 2025) return ORIGIN_2025;
  if (year === 2024) return ORIGIN_2024;
  return blend(ORIGIN_1991_2015, ORIGIN_2024, Math.max(0, year - 2015) / 9);
}

/**
 * Where families settle (region codes), by period; the rest of each period is spread
 * evenly over the other regions that existed then. docs/demo-data.md "Regions".
 */
const SETTLE_TO_2015: Shares = { '61': 21.2, '19': 16.3, '47': 13, '31': 9.4 };
const SETTLE_2021: Shares = { '19': 28, '47': 19.3, '61': 13.5, '79': 10.7 };
const SETTLE_2022: Shares = { '19': 29.9, '47': 16.7, '61': 9, '71': 7.8 };
const SETTLE_2023: Shares = { '19': 27, '47': 16.6, '71': 10.5, '75': 7.6, '61': 7.1, '79': 6.5 };
export const ALL_REGION_CODES = [
  '10',
  '11',
  '15',
  '19',
  '23',
  '27',
  '31',
  '33',
  '35',
  '39',
  '43',
  '47',
  '55',
  '59',
  '61',
  '62',
  '63',
  '71',
  '75',
  '79',
] as const;
/** Abai, Jetisu and Ulytau exist from 8 June 2022. */
const NEW_REGIONS = new Set(['10', '33', '62']);

export function settlementShares(year: number): Shares {
  const named = year <= 2020 ? SETTLE_TO_2015 : year === 2021 ? SETTLE_2021 : year === 2022 ? SETTLE_2022 : SETTLE_2023;
  const others = ALL_REGION_CODES.filter((code) => !(code in named) && (year > 2022 || !NEW_REGIONS.has(code)));
  const rest = 100 - Object.values(named).reduce((sum, share) => sum + share, 0);
  const out: Record<string, number> = { ...named };
  for (const code of others) out[code] = rest / others.length;
  return out;
}

/** Persons by age group, docs/demo-data.md "Age". */
export interface AgeShares {
  working: number;
  minor: number;
  pensioner: number;
}
const AGE_TO_2015: AgeShares = { working: 55.6, minor: 39.9, pensioner: 4.5 };
const AGE_2025: AgeShares = { working: 57.4, minor: 34, pensioner: 8.6 };

export function ageShares(year: number): AgeShares {
  const t = Math.min(1, Math.max(0, (year - 2015) / 10));
  return blend(AGE_TO_2015 as unknown as Shares, AGE_2025 as unknown as Shares, t) as unknown as AgeShares;
}

/** Education of adults (the published shares are of the working-age group), docs/demo-data.md "Education". */
const EDUCATION_TO_2015: Shares = { higher: 8.7, secondary_specialised: 20.5, general_secondary: 60.8, none: 9.9 };
const EDUCATION_2025: Shares = { higher: 15, secondary_specialised: 27.5, general_secondary: 51.1, none: 6.3 };

export function educationShares(year: number): Shares {
  return blend(EDUCATION_TO_2015, EDUCATION_2025, Math.min(1, Math.max(0, (year - 2015) / 10)));
}

/**
 * Persons per family: 33,754 persons in 16,417 families in 2016, the one figure for
 * the period (docs/demo-data.md "Family size"). Size = 1 + Poisson(mean − 1).
 */
export const MEAN_FAMILY_SIZE = 33_754 / 16_417;
export const MAX_FAMILY_SIZE = 10;

/** Working age 16–62 for men and 16–60 for women is simplified to 18–62; pensioners 63–85. */
export const AGE_RANGES: Readonly<Record<keyof AgeShares, [number, number]>> = {
  minor: [0, 17],
  working: [18, 62],
  pensioner: [63, 85],
};

/** Languages spoken besides Kazakh, by country of origin. */
export const ORIGIN_LANGUAGES: Readonly<Record<string, readonly string[]>> = {
  UZ: ['uz', 'ru'],
  CN: ['zh'],
  MN: ['mn'],
  TM: ['tk', 'ru'],
  RU: ['ru'],
  KG: ['ky', 'ru'],
  TJ: ['tg', 'ru'],
  IR: ['fa'],
  AF: ['fa', 'ps'],
  TR: ['tr'],
};

/** How applications reach the MIO; no published split was found (docs/demo-data.md "Channels"). */
export const CHANNEL_SHARES: Shares = { egov: 45, public_service_centre: 35, mission_abroad: 10, in_person: 10 };
