import { KAZAKHSTAN_FIXED_HOLIDAYS, workingDaysBetween } from './calendar';
import {
  percentileOfHistogram,
  settlementBalanceGroup,
  SOUTH_AND_CITIES_REGION_CODES,
  workingDayNumbers,
} from './monitoring';

describe('percentileOfHistogram', () => {
  it('gives the nearest-rank median and 90th percentile of a distribution', () => {
    // 1,2,2,3,3,3,4,4,4,4 → median (rank 5) 3, p90 (rank 9) 4
    const buckets = [
      { value: 4, count: 4 },
      { value: 1, count: 1 },
      { value: 3, count: 3 },
      { value: 2, count: 2 },
    ];
    expect(percentileOfHistogram(buckets, 0.5)).toBe(3);
    expect(percentileOfHistogram(buckets, 0.9)).toBe(4);
    expect(percentileOfHistogram(buckets, 0.1)).toBe(1);
  });

  it('adds up buckets of the same value from several regions', () => {
    const buckets = [
      { value: 5, count: 1 },
      { value: 5, count: 1 },
      { value: 9, count: 1 },
    ];
    expect(percentileOfHistogram(buckets, 0.5)).toBe(5);
  });

  it('is null for an empty distribution and refuses a percentile outside (0, 1]', () => {
    expect(percentileOfHistogram([], 0.5)).toBeNull();
    expect(percentileOfHistogram([{ value: 3, count: 0 }], 0.5)).toBeNull();
    expect(() => percentileOfHistogram([], 0)).toThrow(RangeError);
    expect(() => percentileOfHistogram([], 1.5)).toThrow(RangeError);
  });
});

describe('settlementBalanceGroup', () => {
  it('puts a settlement region of the year first, then the south and cities, else other', () => {
    expect(settlementBalanceGroup('55', [2024, 2025], 2025)).toBe('settlement_regions');
    expect(settlementBalanceGroup('55', [2024], 2025)).toBe('other');
    expect(settlementBalanceGroup('71', [], 2025)).toBe('south_and_cities');
    expect(settlementBalanceGroup('61', [2025], 2025)).toBe('settlement_regions');
  });

  it('names Astana, Almaty city and Shymkent among the southern group', () => {
    expect(SOUTH_AND_CITIES_REGION_CODES).toEqual(expect.arrayContaining(['71', '75', '79']));
  });
});

describe('workingDayNumbers', () => {
  it('numbers days so that differences are the working days between them', () => {
    const { days, numbers } = workingDayNumbers('2025-12-25', '2026-01-20', KAZAKHSTAN_FIXED_HOLIDAYS);
    const at = (d: string) => numbers[days.indexOf(d)];
    for (const [from, to] of [
      ['2025-12-25', '2026-01-20'],
      ['2025-12-31', '2026-01-05'],
      ['2026-01-02', '2026-01-12'],
    ]) {
      expect(at(to) - at(from)).toBe(workingDaysBetween(from, to, KAZAKHSTAN_FIXED_HOLIDAYS));
    }
    expect(days).toHaveLength(27);
    expect(numbers[0]).toBe(0);
  });
});
