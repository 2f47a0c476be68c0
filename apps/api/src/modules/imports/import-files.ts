import {
  type ImportKind,
  type ImportLocale,
  importRowMessage,
  importTemplateHeader,
  type MessageParams,
} from '@qonys/domain';
import type { TableRow } from './table-stream';

/** The error column's header in each language. */
const ERROR_HEADER: Readonly<Record<ImportLocale, string>> = { kk: 'қате', ru: 'ошибка', en: 'error' };

/**
 * A cell of a CSV we write: quoted when it must be, and a leading = + - @ neutralised
 * with an apostrophe so a spreadsheet does not run it as a formula.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",;\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const csvLine = (cells: string[]) => cells.map(csvCell).join(',') + '\r\n';

/** A template for a kind: the header row in the language (UTF-8 with BOM, as spreadsheets expect). */
export const templateCsv = (kind: ImportKind, locale: ImportLocale): string =>
  '\uFEFF' + csvLine(importTemplateHeader(kind, locale));

/**
 * The file's header and every row that has errors, as it was, with one more column
 * saying what is wrong ("column: message; …") in the reader's language. Errors of the
 * file as a whole (row 1) come first.
 */
export async function errorsCsv(
  rows: AsyncIterable<TableRow>,
  errorsByRow: ReadonlyMap<number, { field: string; code: string; params: Record<string, unknown> }[]>,
  locale: ImportLocale,
): Promise<string> {
  const text = (row: number) =>
    (errorsByRow.get(row) ?? [])
      .map((e) => `${e.field}: ${importRowMessage(locale, e.code, e.params as MessageParams)}`)
      .join('; ');
  const parts: string[] = ['\uFEFF'];
  let width = 0;
  for await (const { row, cells } of rows) {
    if (row === 1) {
      width = cells.length;
      parts.push(csvLine([...cells, ERROR_HEADER[locale]]));
      if (errorsByRow.has(1)) parts.push(csvLine([...cells.map(() => ''), text(1)]));
      continue;
    }
    if (!errorsByRow.has(row)) continue;
    const padded = cells.length < width ? [...cells, ...Array<string>(width - cells.length).fill('')] : cells;
    parts.push(csvLine([...padded, text(row)]));
  }
  // A file whose rows could not be read at all still says why.
  if (parts.length === 1)
    parts.push(csvLine([ERROR_HEADER[locale]]), ...[...errorsByRow.keys()].map((r) => csvLine([text(r)])));
  return parts.join('');
}
