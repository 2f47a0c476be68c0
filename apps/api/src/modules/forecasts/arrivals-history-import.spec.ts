import { checkHistoryRows } from './arrivals-history-import';

const regions = new Set(['55', '10']);
const row = (values: Partial<Record<'year' | 'month' | 'region_code' | 'persons' | 'source', string>>) => ({
  year: '2024',
  month: '3',
  region_code: '55',
  persons: '12',
  source: 'Ministry release',
  ...values,
});

describe('checkHistoryRows', () => {
  it('reads monthly, yearly, regional and national rows', () => {
    const { rows, errors } = checkHistoryRows(
      [row({}), row({ month: '', region_code: 'national' }), row({ month: '4', region_code: '' })],
      regions,
      '2026-12',
    );
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.year, r.month, r.regionCode])).toEqual([
      [2024, 3, '55'],
      [2024, null, null],
      [2024, 4, null],
    ]);
  });

  it('reports every bad cell by row and field', () => {
    const { rows, errors } = checkHistoryRows(
      [
        row({ year: '20x4' }),
        row({ month: '13', region_code: '99' }),
        row({ persons: '-1', source: '' }),
        row({ year: '2026', month: '12' }),
      ],
      regions,
      '2026-11',
    );
    expect(rows).toEqual([]);
    expect(errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [2, 'year', 'import.not_year'],
      [3, 'month', 'import.not_month'],
      [3, 'region_code', 'import.unknown_region'],
      [4, 'persons', 'import.not_count'],
      [4, 'source', 'import.empty'],
      [5, 'month', 'import.future_month'],
    ]);
  });

  it('refuses a period given twice and a file without the columns', () => {
    expect(checkHistoryRows([row({}), row({ persons: '3' })], regions, '2026-12').errors).toEqual([
      { row: 3, field: 'month', code: 'import.repeats_period', params: { row: 2 } },
    ]);
    expect(checkHistoryRows([{ year: '2024' }], regions, '2026-12').errors[0].code).toBe('import.header');
  });
});
