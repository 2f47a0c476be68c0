import {
  checkAssignment,
  firstComeFirstServed,
  type PlacementInstance,
  placementReport,
  relativeGap,
} from './placement-assignment';

const instance: PlacementInstance = {
  families: [
    { persons: 4, preferredRegionIds: [10] },
    { persons: 3, preferredRegionIds: [20] },
    { persons: 2, preferredRegionIds: [] },
  ],
  regions: [
    { regionId: 10, remaining: 5 },
    { regionId: 20, remaining: 3 },
  ],
  arcs: [
    { family: 0, region: 0, score: 5 },
    { family: 0, region: 1, score: 1 },
    { family: 1, region: 0, score: 6 },
    { family: 1, region: 1, score: 4 },
    { family: 2, region: 0, score: 1 },
    { family: 2, region: 1, score: 3 },
  ],
};

describe('firstComeFirstServed', () => {
  it('gives each family in turn its best region with room', () => {
    // family 0 → region 0 (5), family 1: region 0 has 1 left → region 1 (4), family 2: no room
    expect(firstComeFirstServed(instance)).toEqual({ regionOf: [0, 1, null], total: 9 });
  });

  it('skips a family that fits nowhere and serves the next', () => {
    const big: PlacementInstance = {
      ...instance,
      families: [{ persons: 9, preferredRegionIds: [] }, ...instance.families.slice(1)],
    };
    expect(firstComeFirstServed(big).regionOf).toEqual([null, 0, 1]);
  });
});

describe('placementReport', () => {
  it('counts placed families, preferred-region share and regions left with room while families wait', () => {
    const report = placementReport(instance, [0, null, null]);
    expect(report).toEqual({
      families: 3,
      placed: 1,
      unplaced: 2,
      totalScore: 5,
      preferredShare: 0.3333,
      firstChoice: 1,
      underfilledRegions: [
        { regionId: 10, leftover: 1 },
        { regionId: 20, leftover: 3 },
      ],
    });
  });

  it('lists no under-filled region when every family is placed', () => {
    const all: PlacementInstance = {
      ...instance,
      regions: [
        { regionId: 10, remaining: 9 },
        { regionId: 20, remaining: 9 },
      ],
    };
    expect(placementReport(all, [0, 0, 1]).underfilledRegions).toEqual([]);
    // Family 1 wanted region 20 most and went to 10; family 2 named none.
    expect(placementReport(all, [0, 0, 1]).firstChoice).toBe(1);
  });
});

describe('checkAssignment', () => {
  it('refuses an over-allocated region', () => {
    expect(() => checkAssignment(instance, [0, 0, null])).toThrow(/over-allocated/);
  });
  it('refuses a pair that is not allowed', () => {
    const partial: PlacementInstance = { ...instance, arcs: instance.arcs.slice(1) };
    expect(() => checkAssignment(partial, [0, null, null])).toThrow(/may not go/);
  });
});

describe('relativeGap', () => {
  it('is (bound − total) / bound and 0 for a zero bound', () => {
    expect(relativeGap(200, 199)).toBeCloseTo(0.005);
    expect(relativeGap(0, 0)).toBe(0);
  });
});
