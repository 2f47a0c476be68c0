import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { type CodedMessage, isValidCalendarDate } from '@qonys/domain';
import { coded, DomainError, type FieldMessages } from '../errors/domain-error';
import { assertSafeInput } from '../input/hostile-input';

/**
 * The list dialect of react-admin's ra-data-simple-rest, implemented once:
 * `?sort=["field","ASC"]&range=[0,24]&filter={"q":"…"}` in, an array and a
 * `Content-Range: <resource> 0-24/319` header out.
 */
export interface RawListQuery {
  sort?: string;
  range?: string;
  filter?: string;
  /** `[sortValue, id]` of the previous page's last row: the page after it by keyset (docs/lists.md). */
  after?: string;
}

export const MAX_PAGE_SIZE = 500;
const DEFAULT_PAGE_SIZE = 25;
/** Counted exactly up to this many matches; above it the total is the planner's estimate (docs/lists.md). */
export const DEFAULT_EXACT_TOTAL_LIMIT = 10_000;

/** A sort column as a keyset cursor reads it: its SQL type and whether rows may hold null. */
export interface KeysetColumn {
  type: 'int' | 'text' | 'timestamptz' | 'date';
  nullable: boolean;
}

/** How one filter key is checked and turned into SQL. */
export interface FilterDef<T extends ObjectLiteral> {
  /** Returns the checked value, or a message saying what is wrong with it. */
  parse(value: unknown): { value: unknown } | { error: CodedMessage };
  apply(qb: SelectQueryBuilder<T>, value: unknown, param: string): void;
}

export interface ListSpec<T extends ObjectLiteral> {
  /** Name used in Content-Range. */
  resource: string;
  /** API field → SQL expression it sorts by. */
  sortable: Record<string, string>;
  defaultSort: [string, 'ASC' | 'DESC'];
  filters: Record<string, FilterDef<T>>;
  /**
   * Stop counting matches here, for tables too long to count on every page (the
   * audit log): the total then reads as this number, and filters narrow the list.
   */
  countLimit?: number;
  /**
   * For tables of national size (docs/lists.md): each sortable field's column as a cursor
   * reads it. The page is then found on the base table's own index before anything is
   * joined, `after` pages by keyset, and the total is exact only up to a limit.
   */
  keyset?: Record<string, KeysetColumn>;
}

export interface ParsedListQuery {
  sort: [string, 'ASC' | 'DESC'];
  start: number;
  end: number;
  filter: Record<string, unknown>;
  /** The previous page's last row: this page starts after it. */
  after?: { value: unknown; id: number };
}

/** A page of rows; the ListInterceptor turns it into the array and the header. */
export class ListResult<T> {
  constructor(
    readonly resource: string,
    readonly items: T[],
    readonly start: number,
    readonly total: number,
    /** The total is the planner's estimate, not a count (sent as X-Total-Estimated). */
    readonly estimated = false,
  ) {}

  /** The same page with its rows turned into what the API answers. */
  withItems<U>(items: U[]): ListResult<U> {
    return new ListResult(this.resource, items, this.start, this.total, this.estimated);
  }
}

function parseJson(raw: unknown, field: string): unknown {
  if (raw === undefined || raw === '') return undefined;
  const notJson = DomainError.invalid({ [field]: 'validation.json' });
  // A repeated parameter arrives as an array of strings: not JSON either.
  if (typeof raw !== 'string') throw notJson;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw notJson;
  }
  assertSafeInput(parsed, field);
  return parsed;
}

/**
 * Whether `key` is one of the spec's own names. `key in map` and a bare `map[key]` also
 * find Object.prototype's members: `sort=["__proto__","ASC"]` once handed TypeORM
 * Object.prototype itself as the ORDER BY map, polluting every object in the process.
 */
const isOwnKey = (map: object, key: unknown): key is string => typeof key === 'string' && Object.hasOwn(map, key);

export function parseListQuery<T extends ObjectLiteral>(raw: RawListQuery, spec: ListSpec<T>): ParsedListQuery {
  const sortRaw = parseJson(raw.sort, 'sort');
  let sort = spec.defaultSort;
  if (sortRaw !== undefined) {
    const [field, order] = Array.isArray(sortRaw) ? sortRaw : [];
    if (!isOwnKey(spec.sortable, field) || (order !== 'ASC' && order !== 'DESC')) {
      throw DomainError.invalid({ sort: coded('validation.sort', { fields: Object.keys(spec.sortable).join(', ') }) });
    }
    sort = [field, order];
  }

  const rangeRaw = parseJson(raw.range, 'range');
  let start = 0;
  let end = DEFAULT_PAGE_SIZE - 1;
  if (rangeRaw !== undefined) {
    const valid =
      Array.isArray(rangeRaw) &&
      rangeRaw.length === 2 &&
      rangeRaw.every((n) => Number.isInteger(n) && n >= 0) &&
      rangeRaw[1] >= rangeRaw[0] &&
      rangeRaw[1] - rangeRaw[0] < MAX_PAGE_SIZE;
    if (!valid) throw DomainError.invalid({ range: coded('validation.range', { max: MAX_PAGE_SIZE }) });
    [start, end] = rangeRaw as [number, number];
  }

  const filterRaw = parseJson(raw.filter, 'filter') ?? {};
  if (typeof filterRaw !== 'object' || filterRaw === null || Array.isArray(filterRaw)) {
    throw DomainError.invalid({ filter: 'validation.filter_object' });
  }
  const filter: Record<string, unknown> = {};
  const errors: FieldMessages = {};
  for (const [key, value] of Object.entries(filterRaw)) {
    if (!isOwnKey(spec.filters, key)) {
      errors[`filter.${key}`] = coded('validation.filter_unknown', { filters: Object.keys(spec.filters).join(', ') });
      continue;
    }
    if (value === null || value === undefined || value === '') continue;
    const parsed = spec.filters[key].parse(value);
    if ('error' in parsed) errors[`filter.${key}`] = parsed.error;
    else filter[key] = parsed.value;
  }
  if (Object.keys(errors).length > 0) throw DomainError.invalid(errors);
  const after = parseCursor(parseJson(raw.after, 'after'), spec.keyset?.[sort[0]]);
  return { sort, start, end, filter, ...(after && { after }) };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

const isCalendarDate = (text: string) =>
  isValidCalendarDate(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10)));

/** A cursor value the column's type accepts, so a bad cursor is a 400 and never a failed cast. */
function cursorValueFits(value: unknown, column: KeysetColumn): boolean {
  if (value === null) return column.nullable;
  switch (column.type) {
    case 'int':
      return Number.isInteger(value) && Math.abs(value as number) < 2 ** 31;
    case 'text':
      return typeof value === 'string' && value.length <= 200;
    case 'date':
      return typeof value === 'string' && ISO_DATE.test(value) && isCalendarDate(value);
    case 'timestamptz':
      return (
        typeof value === 'string' &&
        ISO_TIMESTAMP.test(value) &&
        isCalendarDate(value) &&
        !Number.isNaN(Date.parse(value))
      );
  }
}

function parseCursor(raw: unknown, column: KeysetColumn | undefined): ParsedListQuery['after'] {
  if (raw === undefined) return undefined;
  const [value, id] = Array.isArray(raw) && raw.length === 2 ? raw : [undefined, undefined];
  if (!column || !Number.isInteger(id) || id < 1 || id >= 2 ** 31 || !cursorValueFits(value, column)) {
    throw DomainError.invalid({ after: 'validation.cursor' });
  }
  return { value, id: id as number };
}

/** For specs with `keyset`. */
export interface LargePageOptions {
  /** Count exactly up to this many (LIST_EXACT_TOTAL_LIMIT), else estimate. */
  exactTotalLimit?: number;
  /** The total, when the caller has estimated it already (a common name's search). */
  total?: { total: number; estimated: boolean };
}

/** Applies filters, sort and range to a query and fetches the page with its total. */
export async function fetchPage<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  query: ParsedListQuery,
  spec: ListSpec<T>,
  options: LargePageOptions = {},
): Promise<ListResult<T>> {
  applyListFilters(qb, query, spec);
  if (spec.keyset) return fetchLargePage(qb, query, spec, spec.keyset, options);
  const [field, order] = query.sort;
  // PostgreSQL's default null placement, so a btree index serves the sort in both directions.
  qb.orderBy(spec.sortable[field], order);
  // A stable tiebreak, so pages never repeat or skip rows.
  if (field !== 'id') qb.addOrderBy(`${qb.alias}.id`, order);
  qb.offset(query.start).limit(query.end - query.start + 1);
  if (spec.countLimit === undefined) {
    const [items, total] = await qb.getManyAndCount();
    return new ListResult(spec.resource, items, query.start, total);
  }
  const capped = qb.clone().select('1').orderBy().offset(undefined).limit(spec.countLimit);
  const [items, counted] = await Promise.all([
    qb.getMany(),
    qb.connection
      .createQueryBuilder()
      .select('count(*)::int', 'n')
      .from(`(${capped.getQuery()})`, 'capped')
      .setParameters(capped.getParameters())
      .getRawOne<{ n: number }>(),
  ]);
  return new ListResult(spec.resource, items, query.start, counted?.n ?? 0);
}

type Order = 'ASC' | 'DESC';
const flip = (order: Order): Order => (order === 'ASC' ? 'DESC' : 'ASC');

/**
 * The cursor's sort value as SQL. A timestamp reaches the client in milliseconds while
 * PostgreSQL keeps microseconds, so its value is the cursor row's own, read by id (the
 * client's only if that row is gone); otherwise the last row would come again or its
 * neighbours within the millisecond be skipped.
 */
function cursorValue<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  sortColumn: string,
  column: KeysetColumn,
): string {
  const sent = `(:afterValue)::${column.type}`;
  if (column.type !== 'timestamptz') return sent;
  const table = qb.expressionMap.mainAlias!.metadata.tableName;
  const stored = sortColumn.replace(`${qb.alias}.`, 'cursor_row.');
  return `COALESCE((SELECT ${stored} FROM ${table} cursor_row WHERE cursor_row.id = :afterId), ${sent})`;
}

/**
 * The ids of one page, on the base table alone: the filters, the sort on the list's
 * composite index, then OFFSET or a keyset condition. The joins and the per-row
 * subqueries of the rows query then run for these ids only, never for skipped rows.
 */
function pageKeys<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  sortColumn: string,
  order: Order,
  column: KeysetColumn,
  page: { offset: number; limit: number; after?: ParsedListQuery['after'] },
): string {
  const id = `${qb.alias}.id`;
  const keys = (condition: string | null, sortByColumn: boolean) => {
    const k = qb.clone().select(id).orderBy();
    if (condition) k.andWhere(condition);
    if (sortByColumn && sortColumn !== id) k.orderBy(sortColumn, order).addOrderBy(id, order);
    else k.orderBy(id, order);
    return k
      .offset(page.offset || undefined)
      .limit(page.limit)
      .getQuery();
  };
  const { after } = page;
  if (!after) return keys(null, true);
  if (sortColumn === id) return keys(`${id} ${order === 'ASC' ? '>' : '<'} :afterId`, false);
  const beyond = order === 'ASC' ? '>' : '<';
  // PostgreSQL sorts nulls last ascending and first descending: the rows after a cursor
  // are one or two runs of the index, each read in order and at most a page long.
  const runs: string[] =
    after.value === null
      ? [keys(`${sortColumn} IS NULL AND ${id} ${beyond} :afterId`, false)]
      : [keys(`(${sortColumn}, ${id}) ${beyond} (${cursorValue(qb, sortColumn, column)}, :afterId)`, true)];
  if (column.nullable && order === 'ASC' && after.value !== null) runs.push(keys(`${sortColumn} IS NULL`, false));
  if (column.nullable && order === 'DESC' && after.value === null) runs.push(keys(`${sortColumn} IS NOT NULL`, true));
  return runs.map((run) => `(${run})`).join(' UNION ALL ');
}

/**
 * Matches counted up to `limit` over the base table (its left joins to one row, unused
 * here, are removed by the planner); beyond it, the planner's estimate of the rows.
 */
async function totalOf<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  limit: number,
): Promise<{ total: number; estimated: boolean }> {
  const matches = qb.clone().select('1').orderBy().offset(undefined).limit(undefined);
  const [countSql, countParams] = matches
    .clone()
    .limit(limit + 1)
    .getQueryAndParameters();
  const [{ n }] = await qb.connection.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM (${countSql}) capped`,
    countParams,
  );
  if (n <= limit) return { total: n, estimated: false };
  const [planSql, planParams] = matches.getQueryAndParameters();
  const [row] = await qb.connection.query<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }[]>(
    `EXPLAIN (FORMAT JSON) ${planSql}`,
    planParams,
  );
  return { total: Math.max(limit + 1, Math.round(row['QUERY PLAN'][0].Plan['Plan Rows'])), estimated: true };
}

/** fetchPage for a spec with `keyset` (docs/lists.md). */
async function fetchLargePage<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  query: ParsedListQuery,
  spec: ListSpec<T>,
  keyset: Record<string, KeysetColumn>,
  options: LargePageOptions,
): Promise<ListResult<T>> {
  const limit = options.exactTotalLimit ?? DEFAULT_EXACT_TOTAL_LIMIT;
  const totalOfMatches = () => (options.total ? Promise.resolve(options.total) : totalOf(qb, limit));
  const [field, order] = query.sort;
  const sortColumn = spec.sortable[field];
  const column = keyset[field];
  const size = query.end - query.start + 1;
  const id = `${qb.alias}.id`;
  if (query.after) qb.setParameters({ afterValue: query.after.value, afterId: query.after.id });

  const rows = (keys: string) => {
    const page = qb.clone().andWhere(`${id} = ANY(ARRAY(${keys}))`).orderBy(sortColumn, order);
    if (sortColumn !== id) page.addOrderBy(id, order);
    return page.limit(size).getMany();
  };

  // A page far from the start without a cursor: the total says which end is nearer, and
  // the last pages are read from the end, by the reversed sort.
  if (!query.after && query.start > 0) {
    const { total, estimated } = await totalOfMatches();
    const left = total - query.start;
    if (left <= 0) return new ListResult(spec.resource, [], query.start, total, estimated);
    const fromEnd = query.start > total / 2;
    const keys = fromEnd
      ? pageKeys(qb, sortColumn, flip(order), column, {
          offset: Math.max(0, total - 1 - query.end),
          limit: Math.min(size, left),
        })
      : pageKeys(qb, sortColumn, order, column, { offset: query.start, limit: size });
    return new ListResult(spec.resource, await rows(keys), query.start, total, estimated);
  }

  const keys = pageKeys(qb, sortColumn, order, column, { offset: 0, limit: size, after: query.after });
  const [items, { total, estimated }] = await Promise.all([rows(keys), totalOfMatches()]);
  return new ListResult(spec.resource, items, query.start, total, estimated);
}

/** Applies the parsed filters alone (no sort, no range): an export reads the list's rows in its own batches. */
export function applyListFilters<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  query: ParsedListQuery,
  spec: ListSpec<T>,
): void {
  let n = 0;
  for (const [key, value] of Object.entries(query.filter)) spec.filters[key].apply(qb, value, `f${n++}`);
}
