import { once } from 'node:events';
import type { Writable } from 'node:stream';
import {
  EXPORT_COLUMNS,
  type ExportColumn,
  type ExportFormat,
  type ExportLanguage,
  type ExportResource,
  neutraliseCell,
} from '@qonys/domain';
import { stringify } from 'csv-stringify';
import countriesEn from 'i18n-iso-countries/langs/en.json';
import countriesKk from 'i18n-iso-countries/langs/kk.json';
import countriesRu from 'i18n-iso-countries/langs/ru.json';

/** A batch of a list's rows (keyed by the fields of EXPORT_COLUMNS) and the persons whose data they hold. */
export interface ExportBatch {
  rows: readonly object[];
  personIds: readonly number[];
}

/** What a list module gives the exporter: its rows, in batches, already scoped and filtered. */
export interface ExportSource {
  resource: ExportResource;
  batches(): AsyncIterable<ExportBatch>;
}

export interface ExportWriteOptions {
  format: ExportFormat;
  language: ExportLanguage;
  regionName(regionId: number): string;
  /** Called with each batch before it is written (the audit entry of the read), then after it. */
  beforeBatch(batch: ExportBatch): Promise<void>;
  afterBatch?(rows: number): Promise<void>;
}

const KAZAKHSTAN_OFFSET_MS = 5 * 3_600_000;

/** Country names per language (the first where the package lists several): the admin shows the same table. */
const COUNTRIES: Record<ExportLanguage, Readonly<Record<string, string | readonly string[]>>> = {
  kk: countriesKk.countries,
  ru: countriesRu.countries,
  en: countriesEn.countries,
};
const countryName = (code: string, language: ExportLanguage): string => {
  const name = COUNTRIES[language][code];
  return (Array.isArray(name) ? name[0] : name) ?? code;
};

const isoDay = (value: unknown): string =>
  value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);

/** A moment as a date and time in Kazakhstan (UTC+5), which is what the list shows. */
const kazakhstanTime = (value: unknown): string => {
  const date = value instanceof Date ? value : new Date(String(value));
  return new Date(date.getTime() + KAZAKHSTAN_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
};

/** One cell: a number stays a number; everything else is text in the reader's language, never a formula. */
export function exportCell(
  column: ExportColumn,
  value: unknown,
  language: ExportLanguage,
  regionName: (id: number) => string,
): string | number {
  if (value === null || value === undefined || value === '') return '';
  let text: string;
  if (typeof column.value === 'object') text = column.value[String(value)]?.[language] ?? String(value);
  else if (column.value === 'number' && typeof value === 'number') return value;
  else if (column.value === 'region') text = regionName(Number(value));
  else if (column.value === 'country') text = countryName(String(value), language);
  else if (column.value === 'date') text = isoDay(value);
  else if (column.value === 'datetime') text = kazakhstanTime(value);
  else if (column.value === 'boolean') text = value ? BOOLEAN[language].yes : BOOLEAN[language].no;
  else text = Array.isArray(value) ? value.join(', ') : String(value);
  return neutraliseCell(text);
}

const BOOLEAN: Record<ExportLanguage, { yes: string; no: string }> = {
  kk: { yes: 'Иә', no: 'Жоқ' },
  ru: { yes: 'Да', no: 'Нет' },
  en: { yes: 'Yes', no: 'No' },
};

/** The export's reader closed before the end (the download was cancelled). */
export class ExportAborted extends Error {
  constructor() {
    super('the export was closed before its end');
  }
}

/**
 * Writes a list's export to `out` (an HTTP response or a file) batch by batch, waiting
 * on the stream's back-pressure, so memory holds one batch whatever the row count. CSV:
 * UTF-8 with a byte-order mark (Excel reads Kazakh letters then), CRLF rows. XLSX:
 * exceljs's streaming writer, rows committed as they are written. Returns the rows written.
 */
export async function writeExport(source: ExportSource, out: Writable, options: ExportWriteOptions): Promise<number> {
  const columns: readonly ExportColumn[] = EXPORT_COLUMNS[source.resource];
  const header = columns.map((column) => column.header[options.language]);
  const cells = (row: object) =>
    columns.map((column) =>
      exportCell(column, (row as Record<string, unknown>)[column.field], options.language, options.regionName),
    );
  let written = 0;
  if (options.format === 'csv') {
    const csv = stringify({ bom: true, record_delimiter: 'windows' });
    csv.pipe(out);
    // A reader that went away (a closed download) ends the export instead of leaving it waiting for a drain.
    const closed = once(out, 'close').then(() => {
      throw new ExportAborted();
    });
    closed.catch(() => undefined);
    const write = async (row: readonly (string | number)[]) => {
      if (!csv.write(row)) await Promise.race([once(csv, 'drain'), closed]);
    };
    await write(header);
    for await (const batch of source.batches()) {
      await options.beforeBatch(batch);
      for (const row of batch.rows) await write(cells(row));
      written += batch.rows.length;
      await options.afterBatch?.(written);
    }
    csv.end();
    await Promise.race([once(out, 'finish'), closed]);
    return written;
  }
  const excel = await import('exceljs');
  // CommonJS build: the classes sit on the module itself or on its default export.
  const { stream } = (excel as unknown as { default?: typeof excel }).default ?? excel;
  const workbook = new stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(source.resource);
  sheet.addRow(header).commit();
  for await (const batch of source.batches()) {
    if (out.destroyed) throw new ExportAborted();
    await options.beforeBatch(batch);
    for (const row of batch.rows) sheet.addRow(cells(row)).commit();
    written += batch.rows.length;
    await options.afterBatch?.(written);
  }
  sheet.commit();
  await workbook.commit();
  return written;
}
