import { ARRIVALS_HISTORY_IMPORT_COLUMNS } from '@qonys/domain';
import { isStorableText } from '../../common/input/hostile-input';
import { type Cell, fileShapeError, isBlank, type RowError, rowError } from '../../common/input/table-import';

/** One checked row of an arrivals-history file; regionCode null = national, month null = the whole year. */
export interface HistoryRow {
  row: number;
  year: number;
  month: number | null;
  regionCode: string | null;
  persons: number;
  source: string;
}

/**
 * Checks every row of an arrivals-history file (columns year, month, region_code,
 * persons, source) and returns the rows and every problem, by row and field.
 */
export function checkHistoryRows(
  records: Record<string, Cell>[],
  regionCodes: ReadonlySet<string>,
  /** The current month, `YYYY-MM`: history cannot be ahead of it. */
  currentMonth: string,
): { rows: HistoryRow[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const rows: HistoryRow[] = [];
  const shapeError = fileShapeError(records, ARRIVALS_HISTORY_IMPORT_COLUMNS);
  if (shapeError) return { rows, errors: [shapeError] };
  const seen = new Map<string, number>();
  records.forEach((record, index) => {
    const row = index + 2;
    if (isBlank(record)) return;
    const text = (field: string) => String((Object.hasOwn(record, field) ? record[field] : null) ?? '').trim();
    const before = errors.length;
    const year = Number(text('year'));
    if (!/^\d{4}$/.test(text('year')) || year < 1990 || year > Number(currentMonth.slice(0, 4)))
      errors.push(rowError(row, 'year', 'import.not_year', { value: text('year') }));
    const month = text('month') === '' ? null : Number(text('month'));
    if (month !== null && (!/^\d{1,2}$/.test(text('month')) || month < 1 || month > 12))
      errors.push(rowError(row, 'month', 'import.not_month', { value: text('month') }));
    else if (month !== null && Number.isInteger(year) && `${year}-${String(month).padStart(2, '0')}` > currentMonth)
      errors.push(
        rowError(row, 'month', 'import.future_month', { value: `${year}-${String(month).padStart(2, '0')}` }),
      );
    const rawRegion = text('region_code');
    let regionCode: string | null = null;
    if (rawRegion !== '' && rawRegion.toLowerCase() !== 'national') {
      regionCode = rawRegion.padStart(rawRegion.length === 1 ? 2 : 0, '0');
      if (!/^\d{2}$/.test(regionCode))
        errors.push(rowError(row, 'region_code', 'import.not_region_code', { value: rawRegion }));
      else if (!regionCodes.has(regionCode))
        errors.push(rowError(row, 'region_code', 'import.unknown_region', { value: regionCode }));
    }
    const persons = Number(text('persons'));
    if (!/^\d+$/.test(text('persons')) || persons > 10_000_000)
      errors.push(rowError(row, 'persons', 'import.not_count', { value: text('persons') }));
    const source = text('source').replace(/\s+/g, ' ');
    if (source === '') errors.push(rowError(row, 'source', 'import.empty'));
    else if (source.length > 500) errors.push(rowError(row, 'source', 'import.too_long', { max: 500 }));
    else if (!isStorableText(source)) errors.push(rowError(row, 'source', 'request.invalid_text'));
    if (errors.length > before) return;
    const identity = `${year}|${month ?? ''}|${regionCode ?? ''}`;
    const earlier = seen.get(identity);
    if (earlier !== undefined) {
      errors.push(rowError(row, 'month', 'import.repeats_period', { row: earlier }));
      return;
    }
    seen.set(identity, row);
    rows.push({ row, year, month, regionCode, persons, source });
  });
  if (rows.length === 0 && errors.length === 0) errors.push(rowError(2, 'file', 'import.no_rows'));
  return { rows, errors };
}
