import { type CodedMessage, englishMessage, LABOUR_DEMAND_IMPORT_COLUMNS, type MessageCode, type MessageParams, occupationKey } from '@qonys/domain';
import { coded, DomainError, ErrorKind } from '../../common/errors/domain-error';
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

/** One bad cell: where, and what is wrong as a catalogue code. */
export interface RowError extends CodedMessage {
  row: number;
  field: string;
}

const rowError = (row: number, field: string, code: MessageCode, params: MessageParams = {}): RowError => ({
  row,
  field,
  code,
  params,
});

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
      throw DomainError.invalid({ file: 'import.not_xlsx' });
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) throw DomainError.invalid({ file: 'import.no_sheet' });
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
  } catch {
    throw DomainError.invalid({ file: 'import.not_csv' });
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
        rowError(1, 'header', 'import.header', {
          columns: LABOUR_DEMAND_IMPORT_COLUMNS.join(', '),
          missing: (first === undefined ? LABOUR_DEMAND_IMPORT_COLUMNS : missing).join(', '),
        }),
      ],
    };
  }
  if (records.length > MAX_IMPORT_ROWS)
    return { rows, errors: [rowError(1, 'file', 'import.too_many_rows', { max: MAX_IMPORT_ROWS })] };
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
      errors.push(rowError(row, 'year', 'import.not_year', { value: text('year') }));
    if (!/^\d{2}$/.test(regionCode))
      errors.push(rowError(row, 'region_code', 'import.not_region_code', { value: text('region_code') }));
    else if (!regionCodes.has(regionCode))
      errors.push(rowError(row, 'region_code', 'import.unknown_region', { value: regionCode }));
    if (occupation === '') errors.push(rowError(row, 'occupation', 'import.empty'));
    else if (occupation.length > 200)
      errors.push(rowError(row, 'occupation', 'import.too_long', { max: 200 }));
    else if (!isStorableText(occupation))
      errors.push(rowError(row, 'occupation', 'request.invalid_text'));
    if (!/^\d+$/.test(text('vacancies')) || vacancies > 1_000_000) {
      errors.push(rowError(row, 'vacancies', 'import.not_count', { value: text('vacancies') }));
    }
    if (errors.length > before) return;
    const key = occupationKey(occupation);
    const identity = `${year}|${regionCode}|${key}`;
    const earlier = seen.get(identity);
    if (earlier !== undefined) {
      errors.push(rowError(row, 'occupation', 'import.repeats_row', { row: earlier }));
      return;
    }
    seen.set(identity, row);
    rows.push({ row, year, regionCode, occupation, occupationKey: key, vacancies });
  });
  if (rows.length === 0 && errors.length === 0)
    errors.push(rowError(2, 'file', 'import.no_rows'));
  return { rows, errors };
}

/**
 * A 400 listing every bad row: `errors`/`errorCodes` keyed `rows.<n>.<field>`, and the
 * same as a list in `rows`, each with its code, parameters and English text.
 */
export function importRefused(errors: RowError[]): DomainError {
  const fieldErrors = Object.fromEntries(errors.slice(0, 200).map((e) => [`rows.${e.row}.${e.field}`, coded(e.code, e.params)]));
  const rows = errors.slice(0, 1000).map((e) => ({ ...e, message: englishMessage(e.code, e.params) }));
  return new DomainError(ErrorKind.Invalid, 'import.refused', { count: errors.length }, fieldErrors, { rows });
}
