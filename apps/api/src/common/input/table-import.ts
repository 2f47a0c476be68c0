import { type CodedMessage, englishMessage, type MessageCode, type MessageParams } from '@qonys/domain';
import { coded, DomainError, ErrorKind } from '../errors/domain-error';

// What the imports of CSV or XLSX files (labour demand, bank results, arrivals history) share:
// reading the cells, and refusing a file row by row.

/** One bad cell: where, and what is wrong as a catalogue code. */
export interface RowError extends CodedMessage {
  row: number;
  field: string;
}

export const rowError = (row: number, field: string, code: MessageCode, params: MessageParams = {}): RowError => ({
  row,
  field,
  code,
  params,
});

export const MAX_IMPORT_ROWS = 20_000;

export type Cell = string | number | null | undefined;

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

export const isBlank = (record: Record<string, Cell>) =>
  Object.values(record).every((v) => v === null || v === undefined || String(v).trim() === '');

/**
 * What is wrong with a file as a whole before its rows are read: a header without
 * every one of `columns` (or no row at all), or more rows than an import takes.
 */
export function fileShapeError(records: Record<string, Cell>[], columns: readonly string[]): RowError | null {
  const first = records.find((r) => !isBlank(r));
  const missing = columns.filter((c) => first !== undefined && !Object.hasOwn(first, c));
  if (first === undefined || missing.length > 0)
    return rowError(1, 'header', 'import.header', {
      columns: columns.join(', '),
      missing: (first === undefined ? columns : missing).join(', '),
    });
  if (records.length > MAX_IMPORT_ROWS) return rowError(1, 'file', 'import.too_many_rows', { max: MAX_IMPORT_ROWS });
  return null;
}

/**
 * A 400 listing every bad row: `errors`/`errorCodes` keyed `rows.<n>.<field>`, and the
 * same as a list in `rows`, each with its code, parameters and English text.
 */
export function importRefused(errors: RowError[]): DomainError {
  const fieldErrors = Object.fromEntries(
    errors.slice(0, 200).map((e) => [`rows.${e.row}.${e.field}`, coded(e.code, e.params)]),
  );
  const rows = errors.slice(0, 1000).map((e) => ({ ...e, message: englishMessage(e.code, e.params) }));
  return new DomainError(ErrorKind.Invalid, 'import.refused', { count: errors.length }, fieldErrors, { rows });
}
