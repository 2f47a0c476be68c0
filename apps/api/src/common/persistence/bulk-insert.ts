import type { EntityManager } from 'typeorm';

/** A column of a bulk insert: its name and the SQL type its values are cast to. */
export type BulkColumn = readonly [name: string, type: string];

/** Rows per statement: one array parameter per column keeps the statement small whatever the count. */
const CHUNK = 10_000;

/**
 * Inserts rows with one `INSERT … SELECT FROM unnest($1::type[], …)` per chunk, so
 * thousands of rows cost one round trip and every constraint and trigger still runs.
 * Array-typed columns (`text[]`, `int[]`) travel as array literals (see pgArray):
 * unnest would flatten a two-dimensional parameter.
 */
export async function bulkInsert(
  manager: EntityManager,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly unknown[][],
): Promise<void> {
  const names = columns.map(([name]) => name);
  const params = columns.map(([, type], i) => (type.endsWith('[]') ? `$${i + 1}::text[]` : `$${i + 1}::${type}[]`));
  const selects = columns.map(([name, type]) => (type.endsWith('[]') ? `${name}::${type}` : name));
  const sql = `INSERT INTO ${table} (${names.join(', ')})
    SELECT ${selects.join(', ')} FROM unnest(${params.join(', ')}) AS u(${names.join(', ')})`;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    await manager.query(
      sql,
      columns.map((_, c) => chunk.map((row) => row[c])),
    );
  }
}

/** A PostgreSQL array literal of strings or numbers, each element quoted. */
export function pgArray(values: readonly (string | number)[]): string {
  return `{${values.map((v) => `"${String(v).replace(/[\\"]/g, (ch) => `\\${ch}`)}"`).join(',')}}`;
}

/** `count` fresh ids from a sequence, in ascending order. */
export async function nextIds(manager: EntityManager, sequence: string, count: number): Promise<number[]> {
  if (count === 0) return [];
  const rows = await manager.query<{ id: string }[]>(
    `SELECT nextval($1::regclass)::text AS id FROM generate_series(1, $2::int)`,
    [sequence, count],
  );
  return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}
