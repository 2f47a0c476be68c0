import { addMonths, monthRange } from './forecast-math';
import { forecastWith } from './forecast-models';
import { forecastSeries, observedSeries } from './series-forecast';

/** A seasonal monthly series with noise from a fixed generator. */
function seasonal(first: string, months: number, level = 40): Map<string, number> {
  let seed = 7;
  const noise = () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 8;
  return new Map(
    monthRange(first, addMonths(first, months - 1)).map((m, i) => [
      m,
      Math.max(0, Math.round(level + 15 * Math.sin((2 * Math.PI * i) / 12) + noise())),
    ]),
  );
}

describe('observedSeries', () => {
  it('counts Qonys months from the first recorded one (zeros included), imported figures winning', () => {
    const settled = [
      { regionId: 1, month: '2025-02', persons: 4 },
      { regionId: 2, month: '2025-02', persons: 7 },
      { regionId: 1, month: '2025-04', persons: 3 },
    ];
    const imported = new Map([
      ['1|2025-04', 10],
      ['1|2024-06', 8],
      ['|2025-03', 99],
    ]);
    const region = observedSeries(imported, settled, '2025-02', 1, '2025-05');
    expect(Object.fromEntries(region)).toEqual({ '2024-06': 8, '2025-02': 4, '2025-03': 0, '2025-04': 10 });
    const national = observedSeries(imported, settled, '2025-02', null, '2025-05');
    expect(Object.fromEntries(national)).toEqual({ '2025-02': 11, '2025-03': 99, '2025-04': 3 });
  });

  it('leaves months after the origin out, and months before any record unknown', () => {
    const observed = observedSeries(
      new Map(),
      [{ regionId: 1, month: '2025-06', persons: 5 }],
      '2025-05',
      1,
      '2025-06',
    );
    expect(Object.fromEntries(observed)).toEqual({ '2025-05': 0 });
  });
});

describe('forecastSeries', () => {
  it('forecasts 12 months from the origin with ordered intervals and a full backtest', () => {
    const observed = seasonal('2021-01', 60);
    const f = forecastSeries(observed, '2026-01')!;
    expect(f.months).toEqual(monthRange('2026-01', '2026-12'));
    expect(f.points).toHaveLength(12);
    expect(f.baseline).toHaveLength(12);
    for (const p of [...f.points, ...f.baseline]) {
      expect(0 <= p.lo95 && p.lo95 <= p.lo80 && p.lo80 <= p.mean && p.mean <= p.hi80 && p.hi80 <= p.hi95).toBe(true);
    }
    expect(Object.keys(f.backtest).sort()).toEqual(['ets', 'mstl-ets', 'seasonal-naive']);
    expect(f.backtest['seasonal-naive']!.windows).toBe(23);
    expect(f.backtest['mstl-ets']!.mase).not.toBeNull();
    expect(f.inputsFrom).toBe('2021-01');
    expect(f.inputsTo).toBe('2025-12');
  });

  it('forecasts across a gap after the last observation rather than reading it as zeros', () => {
    const f = forecastSeries(seasonal('2021-01', 48), '2025-06')!;
    const direct = forecastWith('seasonal-naive', [...seasonal('2021-01', 48).values()], 17)!;
    expect(f.baseline[0].mean).toBeCloseTo(direct[5].mean, 10);
    expect(f.inputsTo).toBe('2024-12');
  });

  it('gives no forecast for less than a season', () => {
    expect(forecastSeries(seasonal('2025-01', 11), '2025-12')).toBeNull();
  });
});
