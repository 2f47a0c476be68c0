/**
 * Placement scoring: how well a settlement region suits a family, as a weighted sum of
 * six plain-words criteria, each worth 0…1 before its weight. Pure: the API feeds it
 * reference data (labour demand, region capacities, the quota balance) and the
 * family's inclusion request; the batch solver maximises the sum of these scores.
 */

export const PLACEMENT_WEIGHT_KEYS = [
  'preference',
  'relatives',
  'labour_demand',
  'remaining_quota',
  'housing',
  'language',
] as const;
export type PlacementWeightKey = (typeof PLACEMENT_WEIGHT_KEYS)[number];
export type PlacementWeights = Readonly<Record<PlacementWeightKey, number>>;

/** The seeded defaults (migration 1764000000004); admins edit them. */
export const DEFAULT_PLACEMENT_WEIGHTS: PlacementWeights = {
  preference: 3,
  relatives: 2,
  labour_demand: 2,
  remaining_quota: 1,
  housing: 1,
  language: 0.5,
};

export interface PlacementMember {
  /** Occupation key (see occupationKey), or null when unknown or not working age. */
  profession: string | null;
  /** ISO 639-1 codes the member speaks. */
  languages: readonly string[];
}

export interface PlacementFamily {
  persons: number;
  /** Region ids, most wanted first. */
  preferredRegionIds: readonly number[];
  relativesRegionIds: readonly number[];
  members: readonly PlacementMember[];
}

export interface PlacementRegion {
  regionId: number;
  /** Quota capacity and what is still free, in persons. */
  capacity: number;
  remaining: number;
  /** Vacancies by occupation key. */
  vacancies: Readonly<Record<string, number>>;
  housingUnits: number;
  adaptationCentrePlaces: number;
  /** Languages in daily use in the region. */
  languages: readonly string[];
}

export interface PlacementReason {
  key: PlacementWeightKey;
  /** Weight × the criterion's 0…1 value. */
  points: number;
  /** Short English explanation; the UI translates by `key` and `facts`. */
  text: string;
  /** The figures behind the text, for the UI's own wording. */
  facts: Record<string, number | string | string[]>;
}

export interface RegionScore {
  score: number;
  reasons: PlacementReason[];
}

/** Vacancies at which an occupation counts as half-saturated (v / (v + K)). */
export const VACANCY_HALF_SATURATION = 20;

/**
 * The key an occupation is matched by: lower case, single spaces, Cyrillic ё → е.
 * Labour-demand rows and persons' professions are compared on it.
 */
export function occupationKey(occupation: string): string {
  return occupation.normalize('NFC').toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

const round = (n: number, digits = 4): number => Math.round(n * 10 ** digits) / 10 ** digits;
const ordinal = (n: number): string => {
  const suffix =
    n % 10 === 1 && n % 100 !== 11
      ? 'st'
      : n % 10 === 2 && n % 100 !== 12
        ? 'nd'
        : n % 10 === 3 && n % 100 !== 13
          ? 'rd'
          : 'th';
  return `${n}${suffix}`;
};

/*
 * Each criterion's 0…1 value has its own function, used both by scoreRegion (with the
 * reasons' texts) and by regionScore (the number alone, for the solver's every pair).
 */

/** 1st choice 1, 2nd ½, 3rd ⅓, …; 0 when the region is not listed. */
function preferenceValue(family: PlacementFamily, region: PlacementRegion): number {
  const rank = family.preferredRegionIds.indexOf(region.regionId) + 1;
  return rank === 0 ? 0 : 1 / rank;
}

function preference(family: PlacementFamily, region: PlacementRegion): [number, string, PlacementReason['facts']] {
  const rank = family.preferredRegionIds.indexOf(region.regionId) + 1;
  if (rank === 0) return [0, "Not among the family's preferred regions", { rank: 0 }];
  return [preferenceValue(family, region), `The family's ${ordinal(rank)} choice`, { rank }];
}

const relativesValue = (family: PlacementFamily, region: PlacementRegion): number =>
  family.relativesRegionIds.includes(region.regionId) ? 1 : 0;

function relatives(family: PlacementFamily, region: PlacementRegion): [number, string, PlacementReason['facts']] {
  return relativesValue(family, region) === 1
    ? [1, 'Relatives live in the region', {}]
    : [0, 'No relatives in the region', {}];
}

/**
 * Members with a known profession, each worth v/(v+K) for the vacancies v in their
 * occupation here; averaged over those members (0 when nobody has a profession).
 */
function labourDemandValue(family: PlacementFamily, region: PlacementRegion): number {
  let workers = 0;
  let sum = 0;
  for (const member of family.members) {
    if (!member.profession) continue;
    workers += 1;
    const vacancies = region.vacancies[member.profession] ?? 0;
    sum += vacancies / (vacancies + VACANCY_HALF_SATURATION);
  }
  return workers === 0 ? 0 : sum / workers;
}

function labourDemand(family: PlacementFamily, region: PlacementRegion): [number, string, PlacementReason['facts']] {
  const workers = family.members.filter((m) => m.profession);
  if (workers.length === 0) return [0, 'No profession recorded for the family', { workers: 0 }];
  const matched: string[] = [];
  for (const member of workers) {
    const vacancies = region.vacancies[member.profession as string] ?? 0;
    if (vacancies > 0) matched.push(`${member.profession} (${vacancies})`);
  }
  const text =
    matched.length === 0
      ? "No vacancies for the family's professions"
      : `Vacancies for ${matched.length} of ${workers.length} working members: ${matched.join(', ')}`;
  return [
    labourDemandValue(family, region),
    text,
    { workers: workers.length, matched: matched.length, occupations: matched },
  ];
}

const remainingQuotaValue = (region: PlacementRegion): number =>
  region.capacity > 0 ? Math.max(0, Math.min(1, region.remaining / region.capacity)) : 0;

function remainingQuota(region: PlacementRegion): [number, string, PlacementReason['facts']] {
  const share = remainingQuotaValue(region);
  return [
    share,
    `${Math.round(share * 100)} % of the quota is still free (${region.remaining} of ${region.capacity} persons)`,
    { remaining: region.remaining, capacity: region.capacity },
  ];
}

/** Housing units and adaptation-centre places against the persons the quota still expects. */
function housingValue(region: PlacementRegion): number {
  const places = region.housingUnits + region.adaptationCentrePlaces;
  return region.remaining > 0 ? Math.min(1, places / region.remaining) : places > 0 ? 1 : 0;
}

function housing(region: PlacementRegion): [number, string, PlacementReason['facts']] {
  return [
    housingValue(region),
    `${region.housingUnits} housing units and ${region.adaptationCentrePlaces} adaptation-centre places for ${region.remaining} persons still expected`,
    {
      housingUnits: region.housingUnits,
      adaptationCentrePlaces: region.adaptationCentrePlaces,
      remaining: region.remaining,
    },
  ];
}

/** Share of the members with known languages who speak one of the region's. */
function languageValue(family: PlacementFamily, region: PlacementRegion): number {
  let known = 0;
  let speakers = 0;
  for (const member of family.members) {
    if (member.languages.length === 0) continue;
    known += 1;
    if (member.languages.some((l) => region.languages.includes(l))) speakers += 1;
  }
  return known === 0 ? 0 : speakers / known;
}

function language(family: PlacementFamily, region: PlacementRegion): [number, string, PlacementReason['facts']] {
  const known = family.members.filter((m) => m.languages.length > 0);
  if (known.length === 0) return [0, "The family's languages are not recorded", { speakers: 0, known: 0 }];
  const speakers = known.filter((m) => m.languages.some((l) => region.languages.includes(l))).length;
  return [
    languageValue(family, region),
    `${speakers} of ${known.length} members speak a language of the region (${region.languages.join(', ')})`,
    { speakers, known: known.length, languages: [...region.languages] },
  ];
}

/** The region's score for the family, with one reason per criterion (highest points first). */
export function scoreRegion(family: PlacementFamily, region: PlacementRegion, weights: PlacementWeights): RegionScore {
  const parts: [PlacementWeightKey, [number, string, PlacementReason['facts']]][] = [
    ['preference', preference(family, region)],
    ['relatives', relatives(family, region)],
    ['labour_demand', labourDemand(family, region)],
    ['remaining_quota', remainingQuota(region)],
    ['housing', housing(region)],
    ['language', language(family, region)],
  ];
  const reasons = parts.map(([key, [value, text, facts]]) => ({
    key,
    points: round(weights[key] * value),
    text,
    facts,
  }));
  reasons.sort((a, b) => b.points - a.points);
  return { score: round(reasons.reduce((sum, r) => sum + r.points, 0)), reasons };
}

/**
 * scoreRegion(…).score without the reasons: the batch solver scores every family ×
 * region pair (a million in a national batch), where the texts cost ten times the sum.
 * Rounded and summed exactly as scoreRegion does, so both give the same number.
 */
export function regionScore(family: PlacementFamily, region: PlacementRegion, weights: PlacementWeights): number {
  const points = [
    round(weights.preference * preferenceValue(family, region)),
    round(weights.relatives * relativesValue(family, region)),
    round(weights.labour_demand * labourDemandValue(family, region)),
    round(weights.remaining_quota * remainingQuotaValue(region)),
    round(weights.housing * housingValue(region)),
    round(weights.language * languageValue(family, region)),
  ];
  points.sort((a, b) => b - a);
  return round(points.reduce((sum, p) => sum + p, 0));
}

/** Parses stored weights (numeric strings from PostgreSQL) into PlacementWeights; missing keys get the default. */
export function placementWeights(rows: readonly { key: string; weight: number | string }[]): PlacementWeights {
  const weights: Record<string, number> = { ...DEFAULT_PLACEMENT_WEIGHTS };
  for (const row of rows)
    if ((PLACEMENT_WEIGHT_KEYS as readonly string[]).includes(row.key)) weights[row.key] = Number(row.weight);
  return weights as PlacementWeights;
}
