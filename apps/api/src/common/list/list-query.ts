import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { CodedMessage } from '@qonys/domain';
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
}

export const MAX_PAGE_SIZE = 500;
const DEFAULT_PAGE_SIZE = 25;

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
}

export interface ParsedListQuery {
  sort: [string, 'ASC' | 'DESC'];
  start: number;
  end: number;
  filter: Record<string, unknown>;
}

/** A page of rows; the ListInterceptor turns it into the array and the header. */
export class ListResult<T> {
  constructor(
    readonly resource: string,
    readonly items: T[],
    readonly start: number,
    readonly total: number,
  ) {}
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
  return { sort, start, end, filter };
}

/** Applies filters, sort and range to a query and fetches the page with its total. */
export async function fetchPage<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  query: ParsedListQuery,
  spec: ListSpec<T>,
): Promise<ListResult<T>> {
  let n = 0;
  for (const [key, value] of Object.entries(query.filter)) spec.filters[key].apply(qb, value, `f${n++}`);
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

/** Applies the parsed filters alone (no sort, no range): an export reads the list's rows in its own batches. */
export function applyListFilters<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  query: ParsedListQuery,
  spec: ListSpec<T>,
): void {
  let n = 0;
  for (const [key, value] of Object.entries(query.filter)) spec.filters[key].apply(qb, value, `f${n++}`);
}
