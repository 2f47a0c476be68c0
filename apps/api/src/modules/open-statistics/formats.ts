import { STATISTICS_FILE_FORMATS, type StatisticsFileFormat } from '@qonys/domain';
import type { ProtectedCube } from './cube';
import { type DatasetSpec, LICENCE, STATUS_COLUMN, TOTAL } from './datasets';

export type ReleaseFormat = StatisticsFileFormat;
export const RELEASE_FORMATS: readonly ReleaseFormat[] = STATISTICS_FILE_FORMATS;
/** A file's public name: `<dataset>.csv`, `<dataset>.json` (JSON-stat), `<dataset>.schema.json`. */
export const FILE_SUFFIX: Record<ReleaseFormat, string> = { csv: '.csv', jsonstat: '.json', schema: '.schema.json' };
export const CONTENT_TYPE: Record<ReleaseFormat, string> = {
  csv: 'text/csv; charset=utf-8; header=present',
  jsonstat: 'application/json; charset=utf-8',
  schema: 'application/json; charset=utf-8',
};
/** The release's list of files and their SHA-256, as `sha256sum -c` reads it. */
export const MANIFEST_NAME = 'SHA256SUMS';

/** The byte-order mark: spreadsheet programs read the CSV as UTF-8 with it. */
export const UTF8_BOM = '\uFEFF';
/** JSON-stat's (and our CSV's) status of a suppressed cell: confidential. */
export const CONFIDENTIAL = 'c';

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break.
 * A field a spreadsheet would run as a formula (= + - @ first) gets a leading apostrophe.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?[0-9.]+$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The dataset's CSV columns: its dimensions, its count (and companion), then `status`. */
export const csvColumns = (spec: DatasetSpec): string[] => [
  ...spec.dimensions.map((d) => d.id),
  spec.measure.id,
  ...(spec.companion ? [spec.companion.id] : []),
  STATUS_COLUMN.id,
];

/** UTF-8 with BOM, CRLF line ends, one row per cell; a suppressed cell's figures empty and its status `c`. */
export function toCsv(cube: ProtectedCube): Buffer {
  const lines = [csvColumns(cube.spec).join(',')];
  const strides = cube.categories.map((_, i) => cube.categories.slice(i + 1).reduce((n, list) => n * list.length, 1));
  for (let cell = 0; cell < cube.values.length; cell++) {
    const hidden = cube.suppressed[cell];
    const coordinates = cube.categories.map((list, d) => list[Math.floor(cell / strides[d]) % list.length]);
    const figures = [hidden ? '' : String(cube.values[cell])];
    if (cube.companion) figures.push(hidden || cube.companion[cell] === null ? '' : String(cube.companion[cell]));
    lines.push([...coordinates, ...figures, hidden ? CONFIDENTIAL : ''].map(csvField).join(','));
  }
  return Buffer.from(UTF8_BOM + lines.join('\r\n') + '\r\n', 'utf8');
}

export interface ReleaseInfo {
  number: number;
  publishedAt: string;
}

/** Human names of some categories (regions, service types), in English for the files. */
export type CategoryLabels = Readonly<Record<string, Readonly<Record<string, string>>>>;

/**
 * A JSON-stat 2.0 dataset (https://json-stat.org/format/): `id`/`size` the dimensions
 * in CSV column order, `value` row-major with null where suppressed, `status` an object
 * of the suppressed cells' indexes → `c`. A dataset with a companion figure gets a last
 * dimension `indicator` (the count, then the companion).
 */
export function toJsonStat(cube: ProtectedCube, release: ReleaseInfo, labels: CategoryLabels = {}): Buffer {
  const spec = cube.spec;
  const dimension: Record<string, unknown> = {};
  spec.dimensions.forEach((dim, d) => {
    const names = labels[dim.id] ?? {};
    const label: Record<string, string> = {};
    for (const category of cube.categories[d])
      label[category] = category === TOTAL ? 'Total' : (names[category] ?? category);
    dimension[dim.id] = { label: dim.label.en, category: { index: cube.categories[d], label } };
  });
  const id = spec.dimensions.map((d) => d.id);
  const size = cube.categories.map((list) => list.length);
  const value: (number | null)[] = [];
  const status: Record<string, string> = {};
  const indicators = spec.companion ? [spec.measure, spec.companion] : null;
  if (indicators) {
    id.push('indicator');
    size.push(indicators.length);
    dimension.indicator = {
      label: 'Indicator',
      category: {
        index: indicators.map((m) => m.id),
        label: Object.fromEntries(indicators.map((m) => [m.id, m.label.en])),
      },
    };
  }
  cube.values.forEach((count, cell) => {
    const hidden = cube.suppressed[cell];
    const figures = indicators ? [count, cube.companion![cell]] : [count];
    for (const figure of figures) {
      if (hidden) status[String(value.length)] = CONFIDENTIAL;
      value.push(hidden ? null : figure);
    }
  });
  const role: Record<string, string[]> = {};
  if (id.includes('year') || id.includes('month')) role.time = id.filter((d) => d === 'year' || d === 'month');
  if (id.includes('region_code')) role.geo = ['region_code'];
  const dataset = {
    version: '2.0',
    class: 'dataset',
    label: spec.title.en,
    source: 'Qonys',
    updated: release.publishedAt,
    note: [spec.description.en, `Release ${release.number}. Status c: suppressed for confidentiality.`],
    extension: { release: release.number, licence: LICENCE },
    id,
    size,
    role,
    dimension,
    value,
    status,
  };
  return Buffer.from(JSON.stringify(dataset), 'utf8');
}

/**
 * The data dictionary: a Frictionless Table Schema of the CSV
 * (https://specs.frictionlessdata.io/table-schema/); patterns are XML Schema style, whole-value.
 */
export function toTableSchema(spec: DatasetSpec): Buffer {
  const fields = [
    ...spec.dimensions.map((dim) => ({
      name: dim.id,
      title: dim.label.en,
      description: dim.description.en,
      type: dim.type === 'integer' && !dim.total ? 'integer' : 'string',
      constraints: {
        required: true,
        ...(dim.pattern ? { pattern: dim.total ? `(${dim.pattern}|${TOTAL})` : dim.pattern } : {}),
      },
    })),
    ...[spec.measure, ...(spec.companion ? [spec.companion] : [])].map((measure) => ({
      name: measure.id,
      title: measure.label.en,
      description: measure.description.en,
      type: measure.type,
      constraints: { minimum: 0 },
    })),
    {
      name: STATUS_COLUMN.id,
      title: 'Status',
      description: STATUS_COLUMN.description.en,
      type: 'string',
      constraints: { enum: ['', CONFIDENTIAL] },
    },
  ];
  const schema = {
    $schema: 'https://frictionlessdata.io/schemas/table-schema.json',
    title: spec.title.en,
    description: spec.description.en,
    fields,
    primaryKey: spec.dimensions.map((d) => d.id),
    missingValues: [''],
    licenses: [LICENCE],
  };
  return Buffer.from(JSON.stringify(schema, null, 2), 'utf8');
}
