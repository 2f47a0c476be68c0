import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { applyListFilters, type ListSpec, type ParsedListQuery } from './list-query';

/** Rows read per query of an export: big enough to amortise the query, small enough to hold. */
export const EXPORT_BATCH_SIZE = 1000;

/** pg_typeof names that may be spliced into the keyset's CAST (they come from the database, never a client). */
const SQL_TYPE = /^[a-z][a-z ]*(\[\])?$/;

/**
 * Every row of a list, in the list's own order, filtered and scoped like its pages, one
 * batch at a time: `base()` is the list's query (joins and region scope) before filters.
 * Keyset pagination on (sort key, id) — the same tiebreak as the list's pages — so each
 * batch is one short query that starts where the last stopped, memory stays at one
 * batch however long the list, and no connection is held between batches (an audit
 * entry for each batch is written in between; docs/exports.md says why not a cursor).
 */
export async function* listBatches<T extends ObjectLiteral>(
  base: () => SelectQueryBuilder<T>,
  query: ParsedListQuery,
  spec: ListSpec<T>,
  batchSize = EXPORT_BATCH_SIZE,
): AsyncGenerator<T[]> {
  const [field, order] = query.sort;
  const byId = field === 'id';
  let last: { key: string | null; type: string; id: number } | null = null;
  for (;;) {
    const qb = base();
    applyListFilters(qb, query, spec);
    const id = `${qb.alias}.id`;
    const sortKey = spec.sortable[field];
    if (last !== null)
      qb.andWhere(after(byId ? id : sortKey, id, order, last, byId), { exportKey: last.key, exportId: last.id });
    if (!byId) qb.addSelect(`(${sortKey})::text`, 'export_key').addSelect(`pg_typeof(${sortKey})::text`, 'export_type');
    qb.orderBy(byId ? id : sortKey, order);
    if (!byId) qb.addOrderBy(id, order);
    qb.limit(batchSize);
    const { entities, raw } = await qb.getRawAndEntities<{ export_key?: string | null; export_type?: string }>();
    if (entities.length === 0) return;
    const tail = raw[raw.length - 1];
    const lastEntity = entities[entities.length - 1] as unknown as { id: number };
    last = { key: tail.export_key ?? null, type: tail.export_type ?? 'integer', id: lastEntity.id };
    yield entities;
    if (entities.length < batchSize) return;
  }
}

/**
 * The rows after `last` in ORDER BY key, id (PostgreSQL's default null placement: last
 * when ascending, first when descending).
 */
function after(
  key: string,
  id: string,
  order: 'ASC' | 'DESC',
  last: { key: string | null; type: string },
  byId: boolean,
): string {
  const cmp = order === 'ASC' ? '>' : '<';
  if (byId) return `${id} ${cmp} :exportId`;
  if (!SQL_TYPE.test(last.type)) throw new Error(`unexpected sort type ${last.type}`);
  const value = `CAST(:exportKey AS ${last.type})`;
  if (last.key === null) {
    return order === 'ASC'
      ? `(${key} IS NULL AND ${id} > :exportId)`
      : `((${key} IS NULL AND ${id} < :exportId) OR ${key} IS NOT NULL)`;
  }
  const beyond = `(${key} ${cmp} ${value} OR (${key} = ${value} AND ${id} ${cmp} :exportId))`;
  return order === 'ASC' ? `(${beyond} OR ${key} IS NULL)` : beyond;
}

/** How many rows the export holds, counted no further than `cap` (the list's capped count). */
export async function countUpTo<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  query: ParsedListQuery,
  spec: ListSpec<T>,
  cap: number,
): Promise<number> {
  applyListFilters(qb, query, spec);
  const capped = qb.select('1').orderBy().limit(cap);
  const row = await qb.connection
    .createQueryBuilder()
    .select('count(*)::int', 'n')
    .from(`(${capped.getQuery()})`, 'capped')
    .setParameters(capped.getParameters())
    .getRawOne<{ n: number }>();
  return row?.n ?? 0;
}
