import type { Readable } from 'node:stream';
import type { ImportFileFormat } from '@qonys/domain';
import { DomainError } from '../../common/errors/domain-error';

/** One row of a file: its number as a spreadsheet shows it (the header is row 1) and its cells as text. */
export interface TableRow {
  row: number;
  cells: string[];
}

export type TableFormat = ImportFileFormat;

/** XLSX is a ZIP (PK…); anything else is read as CSV. */
export const tableFormatOf = (firstBytes: Buffer, fileName: string): TableFormat =>
  firstBytes.subarray(0, 2).toString('latin1') === 'PK' || /\.xlsx$/i.test(fileName) ? 'xlsx' : 'csv';

/**
 * The rows of a CSV (`,` or `;`, UTF-8, BOM allowed) or the first sheet of an XLSX file,
 * read as a stream: a file of any length takes the memory of a few rows. A file that
 * cannot be read is a DomainError (`import.not_csv`, `import.not_xlsx`, `import.no_sheet`).
 */
export async function* readTableRows(input: Readable, format: TableFormat): AsyncGenerator<TableRow> {
  if (format === 'xlsx') yield* readXlsx(input);
  else yield* readCsv(input);
}

async function* readCsv(input: Readable): AsyncGenerator<TableRow> {
  const { parse } = await import('csv-parse');
  const parser = input.pipe(
    parse({
      bom: true,
      delimiter: [',', ';'],
      relax_column_count: true,
      relax_quotes: false,
      skip_empty_lines: false,
      trim: true,
      max_record_size: 64 * 1024,
    }),
  );
  input.on('error', (error) => parser.destroy(error));
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row += 1;
      yield { row, cells: record };
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw DomainError.invalid({ file: 'import.not_csv' });
  }
}

async function* readXlsx(input: Readable): AsyncGenerator<TableRow> {
  const excel = await import('exceljs');
  // CommonJS build: the classes sit on the module itself or on its default export.
  const { stream } = (excel as unknown as { default?: typeof excel }).default ?? excel;
  const reader = new stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
  });
  let sheets = 0;
  try {
    for await (const sheet of reader) {
      sheets += 1;
      if (sheets > 1) break;
      for await (const row of sheet as AsyncIterable<{ number: number; values: unknown[] }>) {
        yield { row: row.number, cells: (row.values as unknown[]).slice(1).map(cellText) };
      }
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw DomainError.invalid({ file: 'import.not_xlsx' });
  }
  if (sheets === 0) throw DomainError.invalid({ file: 'import.no_sheet' });
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object' && 'result' in value) return cellText((value as { result: unknown }).result);
  if (typeof value === 'object' && 'richText' in value)
    return (value as { richText: { text: string }[] }).richText
      .map((t) => t.text)
      .join('')
      .trim();
  if (typeof value === 'object' && 'text' in value) return cellText((value as { text: unknown }).text);
  return '';
}
