import { neutraliseCell } from '@qonys/domain';
import type { RegisterLine } from './payment-batches.repository';

/** The register's columns, as the bank reads them; `payment_id` comes back in its result file. */
const COLUMNS = [
  'payment_id',
  'application_number',
  'iin',
  'surname',
  'given_name',
  'patronymic',
  'kind',
  'event_date',
  'amount_kzt',
] as const;

const cells = (line: RegisterLine): (string | number)[] => [
  line.paymentId,
  line.applicationNumber ?? '',
  line.iin ?? '',
  line.surname,
  line.givenName,
  line.patronymic ?? '',
  line.kind,
  line.eventDate,
  line.amountKzt,
];

/** A text cell a spreadsheet would run as a formula is kept as text (CWE-1236). */
const neutralised = (value: string | number): string | number =>
  typeof value === 'string' ? neutraliseCell(value) : value;

const csvCell = (value: string | number): string => {
  const text = String(neutralised(value));
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** UTF-8 with a byte-order mark, so Excel reads Kazakh and Russian names right; CRLF as RFC 4180 says. */
export function registerCsv(lines: RegisterLine[]): Buffer {
  const rows = [COLUMNS.join(','), ...lines.map((line) => cells(line).map(csvCell).join(','))];
  return Buffer.from(`\uFEFF${rows.join('\r\n')}\r\n`, 'utf8');
}

export async function registerXlsx(lines: RegisterLine[], sheetName: string): Promise<Buffer> {
  const excel = await import('exceljs');
  // CommonJS build: the classes sit on the module itself or on its default export.
  const { Workbook } = (excel as unknown as { default?: typeof excel }).default ?? excel;
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([...COLUMNS]);
  for (const line of lines) sheet.addRow(cells(line).map(neutralised));
  // Long digit strings (IIN, case numbers) stay text, never a number in exponent form.
  sheet.getColumn(3).numFmt = '@';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
