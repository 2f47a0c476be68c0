import { LABOUR_DEMAND_IMPORT_COLUMNS, occupationKey } from '@qonys/domain';
import { DomainError } from '../../common/errors/domain-error';
import { isStorableText } from '../../common/input/hostile-input';

/** One checked row of an import file. */
export interface DemandRow {
  /** Row number as a spreadsheet shows it (the header is row 1). */
  row: number;
  year: number;
  regionCode: string;
  occupation: string;
  occupationKey: string;
  vacancies: number;
}

export interface RowError {
  row: number;
  field: string;
  message: string;
}

export const MAX_IMPORT_ROWS = 20_000;

type Cell = string | number | null | undefined;

/** The cells of a CSV or XLSX file as records keyed by the header row (lower-cased, trimmed). */
export async function readTable(content: Buffer, fileName: string): Promise<Record<string, Cell>[]> {
  const isXlsx = content.subarray(0, 2).toString('latin1') === 'PK' || /\.xlsx$/i.test(fileName);
  if (isXlsx) {
    const excel = await import('exceljs');
    // CommonJS build: the classes sit on the module itself or on its default export.
    const { Workbook } = (excel as unknown as { default?: typeof excel }).default ?? excel;
    const workbook = new Workbook();
    try {
      await workbook.xlsx.load(content as unknown as ArrayBuffer);
    } catch {
      throw DomainError.invalid({ file: 'the file is not a readable XLSX workbook' });
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) throw DomainError.invalid({ file: 'the workbook has no sheet' });
    const header: string[] = [];
    const rows: Record<string, Cell>[] = [];
    sheet.eachRow({ includeEmpty: true }, (row, number) => {
      const values = (row.values as unknown[]).slice(1).map(cellValue);
      if (number === 1)
        header.push(
          ...values.map((v) =>
            String(v ?? '')
              .trim()
              .toLowerCase(),
          ),
        );
      else rows[number - 2] = Object.fromEntries(header.map((h, i) => [h, values[i]]));
    });
    return Array.from(rows, (r) => r ?? {});
  }
  const { parse } = await import('csv-parse/sync');
  const text = content.toString('utf8').replace(/^\uFEFF/, '');
  try {
    return parse(text, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: false,
      relax_column_count: true,
      trim: true,
      delimiter: text.split('\n')[0].includes(';') ? ';' : ',',
    }) as Record<string, Cell>[];
  } catch (error) {
    throw DomainError.invalid({ file: `the CSV cannot be read: ${(error as Error).message}` });
  }
}

function cellValue(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'object' && 'result' in value) return cellValue((value as { result: unknown }).result);
  if (typeof value === 'object' && 'richText' in value)
    return (value as { richText: { text: string }[] }).richText.map((t) => t.text).join('');
  return String(value as string);
}

const isBlank = (record: Record<string, Cell>) =>
  Object.values(record).every((v) => v === null || v === undefined || String(v).trim() === '');

/** Checks every row; returns the rows and every error found (row by row, field by field). */
export function checkRows(
  records: Record<string, Cell>[],
  regionCodes: ReadonlySet<string>,
): { rows: DemandRow[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const rows: DemandRow[] = [];
  const first = records.find((r) => !isBlank(r));
  const missing = LABOUR_DEMAND_IMPORT_COLUMNS.filter((c) => first !== undefined && !Object.hasOwn(first, c));
  if (missing.length > 0 || first === undefined) {
    return {
      rows,
      errors: [
        {
          row: 1,
          field: 'header',
          message: `the header must name the columns ${LABOUR_DEMAND_IMPORT_COLUMNS.join(', ')}${missing.length ? `; missing ${missing.join(', ')}` : ''}`,
        },
      ],
    };
  }
  if (records.length > MAX_IMPORT_ROWS)
    return { rows, errors: [{ row: 1, field: 'file', message: `at most ${MAX_IMPORT_ROWS} rows per file` }] };
  const seen = new Map<string, number>();
  records.forEach((record, index) => {
    const row = index + 2;
    if (isBlank(record)) return;
    const text = (field: string) => String((Object.hasOwn(record, field) ? record[field] : null) ?? '').trim();
    const year = Number(text('year'));
    const vacancies = Number(text('vacancies'));
    const regionCode = text('region_code').padStart(text('region_code').length === 1 ? 2 : 0, '0');
    const occupation = text('occupation').replace(/\s+/g, ' ');
    const before = errors.length;
    if (!/^\d{4}$/.test(text('year')) || year < 1990 || year > 2200)
      errors.push({ row, field: 'year', message: `"${text('year')}" is not a year` });
    if (!/^\d{2}$/.test(regionCode))
      errors.push({ row, field: 'region_code', message: `"${text('region_code')}" is not a 2-digit KATO region code` });
    else if (!regionCodes.has(regionCode))
      errors.push({ row, field: 'region_code', message: `no region has the KATO code ${regionCode}` });
    if (occupation === '') errors.push({ row, field: 'occupation', message: 'occupation is empty' });
    else if (occupation.length > 200)
      errors.push({ row, field: 'occupation', message: 'occupation is longer than 200 characters' });
    else if (!isStorableText(occupation))
      errors.push({ row, field: 'occupation', message: 'occupation holds a NUL or an unpaired UTF-16 surrogate' });
    if (!/^\d+$/.test(text('vacancies')) || vacancies > 1_000_000) {
      errors.push({
        row,
        field: 'vacancies',
        message: `"${text('vacancies')}" is not a whole number of vacancies (0 or more)`,
      });
    }
    if (errors.length > before) return;
    const key = occupationKey(occupation);
    const identity = `${year}|${regionCode}|${key}`;
    const earlier = seen.get(identity);
    if (earlier !== undefined) {
      errors.push({ row, field: 'occupation', message: `repeats row ${earlier} (same year, region and occupation)` });
      return;
    }
    seen.set(identity, row);
    rows.push({ row, year, regionCode, occupation, occupationKey: key, vacancies });
  });
  if (rows.length === 0 && errors.length === 0)
    errors.push({ row: 2, field: 'file', message: 'the file has no data rows' });
  return { rows, errors };
}

/** A 400 listing every bad row: `errors` keyed `rows.<n>.<field>` and the same as a list in `rows`. */
export function importRefused(errors: RowError[]): DomainError {
  const fieldErrors = Object.fromEntries(errors.slice(0, 200).map((e) => [`rows.${e.row}.${e.field}`, e.message]));
  return new DomainError(
    DomainError.invalid({}).code,
    `${errors.length} problem${errors.length === 1 ? '' : 's'} in the file; nothing was imported`,
    fieldErrors,
    { rows: errors.slice(0, 1000) },
  );
}
