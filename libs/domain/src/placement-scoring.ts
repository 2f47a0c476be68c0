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

/** 1st choice 1, 2nd ½, 3rd ⅓, …; 0 when the region is not listed. */
function preference(family: PlacementFamily, region: PlacementRegion): [number, string, PlacementReason['facts']] {
  const rank = family.preferredRegionIds.indexOf(region.regionId) + 1;
  if (rank === 0) return [0, "Not among the family's preferred regions", { rank: 0 }];
  return [1 / rank, `The family's ${ordinal(rank)} choice`, { rank }];
}

function relatives(family: PlacementFamily, region: PlacementRegion): [number, string, PlacementReason['facts']] {
  return family.relativesRegionIds.includes(region.regionId)
    ? [1, 'Relatives live in the region', {}]
    : [0, 'No relatives in the region', {}];
}

/**
 * Members with a known profession, each worth v/(v+K) for the vacancies v in their
 * occupation here; averaged over those members (0 when nobody has a profession).
 */
function labourDemand(family: PlacementFamily, region: PlacementRegion): [number, string, PlacementReason['facts']] {
  const workers = family.members.filter((m) => m.profession);
  if (workers.length === 0) return [0, 'No profession recorded for the family', { workers: 0 }];
  let sum = 0;
  const matched: string[] = [];
  for (const member of workers) {
    const vacancies = region.vacancies[member.profession as string] ?? 0;
    sum += vacancies / (vacancies + VACANCY_HALF_SATURATION);
    if (vacancies > 0) matched.push(`${member.profession} (${vacancies})`);
  }
  const text =
    matched.length === 0
      ? "No vacancies for the family's professions"
      : `Vacancies for ${matched.length} of ${workers.length} working members: ${matched.join(', ')}`;
  return [sum / workers.length, text, { workers: workers.length, matched: matched.length, occupations: matched }];
}

function remainingQuota(region: PlacementRegion): [number, string, PlacementReason['facts']] {
  const share = region.capacity > 0 ? Math.max(0, Math.min(1, region.remaining / region.capacity)) : 0;
  return [
    share,
    `${Math.round(share * 100)} % of the quota is still free (${region.remaining} of ${region.capacity} persons)`,
    { remaining: region.remaining, capacity: region.capacity },
  ];
}

/** Housing units and adaptation-centre places against the persons the quota still expects. */
function housing(region: PlacementRegion): [number, string, PlacementReason['facts']] {
  const places = region.housingUnits + region.adaptationCentrePlaces;
  const cover = region.remaining > 0 ? Math.min(1, places / region.remaining) : places > 0 ? 1 : 0;
  return [
    cover,
    `${region.housingUnits} housing units and ${region.adaptationCentrePlaces} adaptation-centre places for ${region.remaining} persons still expected`,
    {
      housingUnits: region.housingUnits,
      adaptationCentrePlaces: region.adaptationCentrePlaces,
      remaining: region.remaining,
    },
  ];
}

/** Share of the members with known languages who speak one of the region's. */
function language(family: PlacementFamily, region: PlacementRegion): [number, string, PlacementReason['facts']] {
  const known = family.members.filter((m) => m.languages.length > 0);
  if (known.length === 0) return [0, "The family's languages are not recorded", { speakers: 0, known: 0 }];
  const speakers = known.filter((m) => m.languages.some((l) => region.languages.includes(l))).length;
  return [
    speakers / known.length,
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

/** Parses stored weights (numeric strings from PostgreSQL) into PlacementWeights; missing keys get the default. */
export function placementWeights(rows: readonly { key: string; weight: number | string }[]): PlacementWeights {
  const weights: Record<string, number> = { ...DEFAULT_PLACEMENT_WEIGHTS };
  for (const row of rows)
    if ((PLACEMENT_WEIGHT_KEYS as readonly string[]).includes(row.key)) weights[row.key] = Number(row.weight);
  return weights as PlacementWeights;
}
