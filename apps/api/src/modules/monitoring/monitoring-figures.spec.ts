import { dashboardFigures } from './monitoring-figures';
import type { MonitoringRows } from './monitoring.repository';

const region = (id: number, code: string, settlementYears: number[] = []) => ({
  id,
  code,
  nameKk: code,
  nameRu: code,
  nameEn: code,
  settlementYears,
});

const empty: MonitoringRows = {
  asOf: '2026-12-07T10:00:00.000Z',
  statutoryTermWorkingDays: 6,
  regions: [region(1, '55', [2025, 2026]), region(2, '71'), region(3, '35')],
  applications: [],
  processing: [],
  decisions: [],
  overdue: [],
  quotas: [],
  arrivals: [],
  arrivalsByYear: [],
  origins: [],
  pyramid: [],
  education: [],
  referrals: [],
  referralWaits: [],
  payments: [],
};
const filter = { year: 2026, regionId: null, origin: null };

describe('dashboardFigures', () => {
  it('takes the median and 90th percentile of each month from the regions’ distributions together', () => {
    const board = dashboardFigures(
      {
        ...empty,
        processing: [
          { month: 3, workingDays: 2, decisions: 4 },
          { month: 3, workingDays: 9, decisions: 1 },
          { month: 1, workingDays: 5, decisions: 2 },
        ],
      },
      filter,
    );
    expect(board.processingByMonth).toEqual([
      { month: '2026-01', decisions: 2, medianWorkingDays: 5, p90WorkingDays: 5 },
      { month: '2026-03', decisions: 5, medianWorkingDays: 2, p90WorkingDays: 9 },
    ]);
  });

  it('splits each year’s arrivals into settlement regions of that year, the south and cities, and the rest', () => {
    const board = dashboardFigures(
      {
        ...empty,
        arrivalsByYear: [
          { year: 2024, regionId: 1, persons: 10 },
          { year: 2026, regionId: 1, persons: 30 },
          { year: 2026, regionId: 2, persons: 60 },
          { year: 2026, regionId: 3, persons: 10 },
        ],
      },
      filter,
    );
    expect(board.settlementBalance.filter((r) => r.year === 2026)).toEqual([
      { year: 2026, group: 'settlement_regions', persons: 30, share: 0.3 },
      { year: 2026, group: 'south_and_cities', persons: 60, share: 0.6 },
      { year: 2026, group: 'other', persons: 10, share: 0.1 },
    ]);
    // Pavlodar was not a settlement region in 2024.
    expect(board.settlementBalance.find((r) => r.year === 2024 && r.group === 'other')).toMatchObject({ share: 1 });
  });

  it('gives a quota’s free places and an empty wait when nobody was enrolled', () => {
    const board = dashboardFigures(
      { ...empty, quotas: [{ regionId: 1, capacity: 100, reserved: 20, settled: 30 }] },
      filter,
    );
    expect(board.quotaByRegion).toEqual([{ regionId: 1, capacity: 100, reserved: 20, settled: 30, free: 50 }]);
    expect(board.referralWaiting).toEqual({ enrolled: 0, medianDays: null, p90Days: null });
    expect(board.asOf).toBe('2026-12-07T10:00:00.000Z');
  });
});
