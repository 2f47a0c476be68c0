import { readTable } from '../../common/input/table-import';
import { checkRows } from './labour-demand-import';

const CODES = new Set(['55', '10']);

describe('labour demand import', () => {
  it('reads a CSV with a semicolon or comma and checks every row, naming row and field', async () => {
    const records = await readTable(
      Buffer.from(
        'year;region_code;occupation;vacancies\n2026;55;Welder;10\n2026;5;Cook;x\n\n2026;99;;3\n2026;55;welder;4\n',
      ),
      'd.csv',
    );
    const { rows, errors } = checkRows(records, CODES);
    expect(rows).toEqual([
      { row: 2, year: 2026, regionCode: '55', occupation: 'Welder', occupationKey: 'welder', vacancies: 10 },
    ]);
    expect(errors).toEqual([
      { row: 3, field: 'region_code', code: 'import.unknown_region', params: { value: '05' } },
      { row: 3, field: 'vacancies', code: 'import.not_count', params: { value: 'x' } },
      { row: 5, field: 'region_code', code: 'import.unknown_region', params: { value: '99' } },
      { row: 5, field: 'occupation', code: 'import.empty', params: {} },
      { row: 6, field: 'occupation', code: 'import.repeats_row', params: { row: 2 } },
    ]);
  });

  it('refuses a file without the expected header', async () => {
    const { errors } = checkRows(await readTable(Buffer.from('year,region,vacancies\n2026,55,1\n'), 'd.csv'), CODES);
    expect(errors[0]).toMatchObject({ row: 1, field: 'header' });
  });
});
