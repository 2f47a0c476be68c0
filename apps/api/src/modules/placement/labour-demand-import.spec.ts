import { checkRows, readTable } from './labour-demand-import';

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
      { row: 3, field: 'region_code', message: 'no region has the KATO code 05' },
      { row: 3, field: 'vacancies', message: '"x" is not a whole number of vacancies (0 or more)' },
      { row: 5, field: 'region_code', message: 'no region has the KATO code 99' },
      { row: 5, field: 'occupation', message: 'occupation is empty' },
      { row: 6, field: 'occupation', message: 'repeats row 2 (same year, region and occupation)' },
    ]);
  });

  it('refuses a file without the expected header', async () => {
    const { errors } = checkRows(await readTable(Buffer.from('year,region,vacancies\n2026,55,1\n'), 'd.csv'), CODES);
    expect(errors[0]).toMatchObject({ row: 1, field: 'header' });
  });
});
