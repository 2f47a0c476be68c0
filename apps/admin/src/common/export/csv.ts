/**
 * CSV as spreadsheets read it: comma-separated, CRLF rows, quoted where needed,
 * a byte-order mark so Excel reads UTF-8 (Kazakh letters) correctly. A text cell
 * starting with = + - @ (or a tab or return) would run as a formula when opened:
 * it is prefixed with an apostrophe, so it stays text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'string' ? value : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
