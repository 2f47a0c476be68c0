import {
  DEFAULT_PLACEMENT_WEIGHTS,
  occupationKey,
  type PlacementFamily,
  type PlacementRegion,
  placementWeights,
  regionScore,
  scoreRegion,
} from './placement-scoring';

const family = (over: Partial<PlacementFamily> = {}): PlacementFamily => ({
  persons: 3,
  preferredRegionIds: [],
  relativesRegionIds: [],
  members: [
    { profession: 'welder', languages: ['kk', 'ru'] },
    { profession: 'teacher', languages: ['kk'] },
    { profession: null, languages: [] },
  ],
  ...over,
});
const region = (over: Partial<PlacementRegion> = {}): PlacementRegion => ({
  regionId: 55,
  capacity: 100,
  remaining: 50,
  vacancies: {},
  housingUnits: 0,
  adaptationCentrePlaces: 0,
  languages: ['kk', 'ru'],
  ...over,
});
const only = (key: keyof typeof DEFAULT_PLACEMENT_WEIGHTS) =>
  ({ preference: 0, relatives: 0, labour_demand: 0, remaining_quota: 0, housing: 0, language: 0, [key]: 1 }) as const;
const points = (f: PlacementFamily, r: PlacementRegion, key: keyof typeof DEFAULT_PLACEMENT_WEIGHTS) =>
  scoreRegion(f, r, only(key)).score;

describe('scoreRegion', () => {
  it('ranks the 1st preference above the 2nd above the 3rd, and an unlisted region at 0', () => {
    const f = family({ preferredRegionIds: [10, 55, 63] });
    expect(points(f, region({ regionId: 10 }), 'preference')).toBe(1);
    expect(points(f, region({ regionId: 55 }), 'preference')).toBe(0.5);
    expect(points(f, region({ regionId: 63 }), 'preference')).toBeCloseTo(1 / 3, 4);
    expect(points(f, region({ regionId: 11 }), 'preference')).toBe(0);
    const reason = scoreRegion(f, region({ regionId: 55 }), DEFAULT_PLACEMENT_WEIGHTS).reasons.find(
      (r) => r.key === 'preference',
    );
    expect(reason).toMatchObject({ points: 1.5, text: "The family's 2nd choice", facts: { rank: 2 } });
  });

  it('counts relatives in the region', () => {
    expect(points(family({ relativesRegionIds: [55] }), region(), 'relatives')).toBe(1);
    expect(points(family(), region(), 'relatives')).toBe(0);
  });

  it('scores labour demand per working member, saturating with the vacancies', () => {
    // welder 20 vacancies → ½; teacher none → 0; the member without a profession does not count.
    expect(points(family(), region({ vacancies: { welder: 20 } }), 'labour_demand')).toBe(0.25);
    expect(points(family(), region({ vacancies: { welder: 20, teacher: 20 } }), 'labour_demand')).toBe(0.5);
    expect(points(family(), region({ vacancies: { welder: 2000, teacher: 2000 } }), 'labour_demand')).toBeGreaterThan(
      0.98,
    );
    expect(
      points(
        family({ members: [{ profession: null, languages: [] }] }),
        region({ vacancies: { welder: 9 } }),
        'labour_demand',
      ),
    ).toBe(0);
    const reason = scoreRegion(family(), region({ vacancies: { welder: 20 } }), DEFAULT_PLACEMENT_WEIGHTS).reasons.find(
      (r) => r.key === 'labour_demand',
    );
    expect(reason?.text).toBe('Vacancies for 1 of 2 working members: welder (20)');
  });

  it('gives the free share of the quota', () => {
    expect(points(family(), region({ capacity: 200, remaining: 50 }), 'remaining_quota')).toBe(0.25);
  });

  it('scores housing and adaptation-centre places against the persons still expected, capped at 1', () => {
    expect(points(family(), region({ remaining: 40, housingUnits: 5, adaptationCentrePlaces: 5 }), 'housing')).toBe(
      0.25,
    );
    expect(points(family(), region({ remaining: 4, housingUnits: 50 }), 'housing')).toBe(1);
  });

  it('counts the members with known languages who speak one of the region’s', () => {
    expect(points(family(), region({ languages: ['ru'] }), 'language')).toBe(0.5);
    expect(points(family(), region({ languages: ['kk'] }), 'language')).toBe(1);
    expect(points(family({ members: [{ profession: null, languages: [] }] }), region(), 'language')).toBe(0);
  });

  it('adds the weighted criteria, explains each, and lists the biggest first', () => {
    const result = scoreRegion(
      family({ preferredRegionIds: [55], relativesRegionIds: [55] }),
      region({ vacancies: { welder: 20, teacher: 20 }, capacity: 100, remaining: 50, housingUnits: 25 }),
      DEFAULT_PLACEMENT_WEIGHTS,
    );
    // 3·1 + 2·1 + 2·0.5 + 1·0.5 + 1·0.5 + 0.5·1
    expect(result.score).toBe(7.5);
    expect(result.reasons.map((r) => r.key)).toEqual([
      'preference',
      'relatives',
      'labour_demand',
      'remaining_quota',
      'housing',
      'language',
    ]);
    expect(result.reasons.every((r) => r.text.length > 0)).toBe(true);
  });

  it('moves with the weights: a zero weight removes its criterion', () => {
    const f = family({ preferredRegionIds: [55] });
    expect(scoreRegion(f, region(), { ...DEFAULT_PLACEMENT_WEIGHTS, preference: 0 }).score).toBeLessThan(
      scoreRegion(f, region(), DEFAULT_PLACEMENT_WEIGHTS).score - 2.9,
    );
  });
});

describe('occupationKey', () => {
  it('matches occupations whatever the case and spacing', () => {
    expect(occupationKey('  Электр  монтёр ')).toBe('электр монтер');
    expect(occupationKey('Welder')).toBe(occupationKey('welder'));
  });
});

describe('placementWeights', () => {
  it('reads stored numeric strings and fills missing keys with the defaults', () => {
    expect(
      placementWeights([
        { key: 'language', weight: '0.75' },
        { key: 'unknown', weight: 9 },
      ]),
    ).toEqual({ ...DEFAULT_PLACEMENT_WEIGHTS, language: 0.75 });
  });
});

describe('regionScore', () => {
  it('gives exactly the score of scoreRegion, for families and regions of every kind', () => {
    // A small LCG, so the cases are the same on every run.
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
    const occupations = ['welder', 'teacher', 'nurse', 'driver', 'herder'];
    const weights = { ...DEFAULT_PLACEMENT_WEIGHTS, language: 0.37, housing: 1.3 };
    let compared = 0;
    for (let i = 0; i < 400; i++) {
      const persons = 1 + Math.floor(next() * 8);
      const f = family({
        persons,
        preferredRegionIds: [1, 2, 3, 4, 5].filter(() => next() < 0.3),
        relativesRegionIds: next() < 0.4 ? [pick([1, 2, 3, 4, 5])] : [],
        members: Array.from({ length: persons }, () => ({
          profession: next() < 0.5 ? pick(occupations) : null,
          languages: next() < 0.6 ? [pick(['kk', 'ru', 'mn', 'zh'])] : [],
        })),
      });
      for (let regionId = 1; regionId <= 5; regionId++) {
        const capacity = Math.floor(next() * 500);
        const r = region({
          regionId,
          capacity,
          remaining: Math.floor(next() * (capacity + 1)),
          vacancies: Object.fromEntries(
            occupations.filter(() => next() < 0.5).map((o) => [o, Math.floor(next() * 90)]),
          ),
          housingUnits: Math.floor(next() * 60),
          adaptationCentrePlaces: Math.floor(next() * 30),
          languages: next() < 0.5 ? ['kk', 'ru'] : ['kk'],
        });
        expect(regionScore(f, r, weights)).toBe(scoreRegion(f, r, weights).score);
        compared += 1;
      }
    }
    expect(compared).toBe(2000);
  });
});
