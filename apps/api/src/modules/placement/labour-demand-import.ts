import { LABOUR_DEMAND_IMPORT_COLUMNS, occupationKey } from '@qonys/domain';
import { type Cell, fileShapeError, isBlank, type RowError, rowError } from '../../common/input/table-import';
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

/** Checks every row; returns the rows and every error found (row by row, field by field). */
export function checkRows(
  records: Record<string, Cell>[],
  regionCodes: ReadonlySet<string>,
): { rows: DemandRow[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const rows: DemandRow[] = [];
  const shapeError = fileShapeError(records, LABOUR_DEMAND_IMPORT_COLUMNS);
  if (shapeError) return { rows, errors: [shapeError] };
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
    else if (occupation.length > 200) errors.push(rowError(row, 'occupation', 'import.too_long', { max: 200 }));
    else if (!isStorableText(occupation)) errors.push(rowError(row, 'occupation', 'request.invalid_text'));
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
  if (rows.length === 0 && errors.length === 0) errors.push(rowError(2, 'file', 'import.no_rows'));
  return { rows, errors };
}
