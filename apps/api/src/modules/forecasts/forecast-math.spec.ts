import {
  addMonths,
  backtestWindows,
  chooseModel,
  coverage,
  type ForecastPoint,
  fromLog,
  mase,
  monthRange,
  pointFromLog,
  reconcile,
  scoreBacktest,
  seasonalNaive,
  smape,
  toLog,
  trailingRun,
} from './forecast-math';

const flat = (mean: number, width = 0): ForecastPoint => ({
  mean,
  lo80: mean - width,
  hi80: mean + width,
  lo95: mean - 2 * width,
  hi95: mean + 2 * width,
});

describe('months', () => {
  it('adds months across years', () => {
    expect(addMonths('2025-11', 3)).toBe('2026-02');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(monthRange('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthRange('2026-02', '2026-01')).toEqual([]);
  });
});

describe('log transform', () => {
  it('maps counts through log1p and back, never below zero', () => {
    expect(toLog([0, 9])).toEqual([0, Math.log(10)]);
    expect(fromLog(Math.log(10))).toBeCloseTo(9, 12);
    expect(fromLog(-3)).toBe(0);
  });

  it('back-transforms a point keeping the bounds in order', () => {
    const p = pointFromLog({
      mean: Math.log1p(10),
      lo80: Math.log1p(5),
      hi80: Math.log1p(20),
      lo95: -1,
      hi95: Math.log1p(40),
    });
    expect(p.mean).toBeCloseTo(10);
    expect(p.lo95).toBe(0);
    expect(p.lo95 <= p.lo80 && p.lo80 <= p.mean && p.mean <= p.hi80 && p.hi80 <= p.hi95).toBe(true);
  });
});

describe('seasonalNaive', () => {
  const y = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14];

  it('repeats the same month a year before', () => {
    expect(seasonalNaive(y, 14).map((p) => p.mean)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 3, 4]);
  });

  it('takes sigma from the seasonal differences and widens it each whole season ahead', () => {
    // Every seasonal difference is 2, so sigma = 2; month 13 is one whole season ahead: sigma·√2.
    const points = seasonalNaive(y, 13);
    expect(points[0].hi95 - points[0].mean).toBeCloseTo(1.959964 * 2, 5);
    expect(points[0].hi80 - points[0].mean).toBeCloseTo(1.281552 * 2, 5);
    expect(points[12].hi95 - points[12].mean).toBeCloseTo(1.959964 * 2 * Math.SQRT2, 5);
  });

  it('refuses a series shorter than a season', () => {
    expect(() => seasonalNaive([1, 2, 3], 12)).toThrow(RangeError);
  });
});

describe('metrics', () => {
  it('computes MASE with the in-sample seasonal scale (m = 12)', () => {
    // Train: 24 months; |y_t − y_{t−12}| is 2 for each of the 12 pairs → scale 2.
    const train = [...Array.from({ length: 12 }, (_, i) => i), ...Array.from({ length: 12 }, (_, i) => i + 2)];
    // Errors 1, 3 → MAE 2 → MASE 1.
    expect(mase([10, 10], [11, 7], train)).toBe(1);
    expect(mase([10], [10], Array(24).fill(5))).toBeNull();
  });

  it('computes sMAPE in percent, a 0 against a 0 counting as exact', () => {
    // |100−50|/(150) · 200 = 66.67; 0/0 → 0; |0−10|/10 · 200 = 200 → mean 88.89
    expect(smape([100, 0, 0], [50, 0, 10])).toBeCloseTo((66.6667 + 0 + 200) / 3, 3);
  });

  it('computes coverage as the share inside the bounds, bounds included', () => {
    expect(coverage([1, 5, 10, 3], [0, 5, 11, 0], [2, 6, 12, 2])).toBe(0.5);
  });
});

describe('backtestWindows', () => {
  it('takes 12 full-horizon origins, then origins cut at the series end', () => {
    const windows = backtestWindows(60, 24, 12, 12);
    expect(windows).toHaveLength(23);
    expect(windows[0]).toEqual({ origin: 37, horizon: 12 });
    expect(windows[11]).toEqual({ origin: 48, horizon: 12 });
    expect(windows[12]).toEqual({ origin: 49, horizon: 11 });
    expect(windows.at(-1)).toEqual({ origin: 59, horizon: 1 });
  });

  it('scores a short series on the months it has, none when nothing follows the training', () => {
    expect(backtestWindows(15, 12, 12, 12)).toEqual([
      { origin: 12, horizon: 3 },
      { origin: 13, horizon: 2 },
      { origin: 14, horizon: 1 },
    ]);
    expect(backtestWindows(12, 12, 12, 12)).toEqual([]);
  });

  it('scores a forecaster over every window and step', () => {
    const counts = Array.from({ length: 40 }, (_, i) => (i % 12) + 10 + Math.floor(i / 12));
    const windows = backtestWindows(counts.length, 24).filter((w) => w.horizon === 12);
    const score = scoreBacktest(counts, windows, (train, h) =>
      seasonalNaive(train, h).map((p) => ({
        ...p,
        lo80: p.mean - 0.5,
        hi80: p.mean + 0.5,
        lo95: p.mean - 1,
        hi95: p.mean + 1,
      })),
    )!;
    // Seasonal naive is off by exactly 1 each step (the yearly step): MAE 1, scale 1 → MASE 1.
    expect(score.windows).toBe(5);
    expect(score.mase).toBeCloseTo(1, 12);
    expect(score.coverage95).toBe(1);
    expect(score.coverage80).toBe(0);
    expect(scoreBacktest(counts, windows, () => null)).toBeNull();
  });
});

describe('chooseModel', () => {
  const score = (value: number | null) => ({ windows: 12, mase: value, smape: 10, coverage80: 0.8, coverage95: 0.95 });

  it('takes the lowest MASE, the baseline on ties and when nothing scored', () => {
    expect(chooseModel({ a: score(0.8), base: score(1), c: score(0.9) }, 'base')).toBe('a');
    expect(chooseModel({ a: score(1), base: score(1) }, 'base')).toBe('base');
    expect(chooseModel({ a: null, base: null }, 'base')).toBe('base');
    expect(chooseModel({ a: score(0.5), base: score(null) }, 'base')).toBe('a');
  });
});

describe('reconcile', () => {
  it('scales the regions so they add up to the national forecast, month by month', () => {
    const national = [flat(100, 10), flat(50, 5)];
    const regional = [
      [flat(30, 3), flat(10, 1)],
      [flat(50, 5), flat(30, 2)],
    ];
    const result = reconcile(national, regional, [1, 1]);
    for (let step = 0; step < 2; step++) {
      expect(result[0][step].mean + result[1][step].mean).toBeCloseTo(national[step].mean, 10);
    }
    expect(result[0][0].mean).toBeCloseTo(37.5);
    expect(result[0][0].hi95).toBeCloseTo(36 * 1.25);
  });

  it('shares the national mean by the weights when every region expects 0', () => {
    const result = reconcile([flat(30)], [[flat(0)], [flat(0)]], [1, 2]);
    expect(result.map((r) => r[0].mean)).toEqual([10, 20]);
    expect(result[1][0].hi95).toBe(20);
  });
});

describe('trailingRun', () => {
  it('keeps the gap-free months ending at the last observation', () => {
    const observed = new Map([
      ['2024-01', 5],
      ['2024-03', 1],
      ['2024-04', 2],
      ['2024-05', 0],
    ]);
    expect(trailingRun(observed)).toEqual({ first: '2024-03', values: [1, 2, 0] });
    expect(trailingRun(new Map())).toBeNull();
  });
});
