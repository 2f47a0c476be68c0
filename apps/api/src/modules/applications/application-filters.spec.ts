import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import {
  applicationSearch,
  DEADLINE_QUEUE_CONDITIONS,
  dueSoonBefore,
  kazakhstanDayFrom,
  kazakhstanDayTo,
  queue,
} from './application-filters';

/** The SQL and parameters a filter adds, from a stub query builder. */
function applied(def: ReturnType<typeof applicationSearch>, value: unknown) {
  const parsed = def.parse(value);
  if ('error' in parsed) return parsed;
  const calls: { sql: string; params: Record<string, unknown> }[] = [];
  const qb = { andWhere: (sql: string, params: Record<string, unknown> = {}) => calls.push({ sql, params }) };
  def.apply(qb as unknown as SelectQueryBuilder<ObjectLiteral>, parsed.value, 'f0');
  return calls[0];
}

describe('application search (q)', () => {
  const search = applicationSearch('a', 'p');

  it('reads a case number, whole or a prefix, in any case', () => {
    expect(applied(search, 'knd-2026-0001')).toEqual({ sql: 'a.number LIKE :f0', params: { f0: 'KND-2026-0001%' } });
  });

  it('reads 12 digits as an IIN', () => {
    expect(applied(search, '660305 300123')).toEqual({ sql: 'p.iin = :f0', params: { f0: '660305300123' } });
  });

  it('reads a name as every word of its search key, in any script', () => {
    const cyrillic = applied(search, 'Нұрлан Сейітов');
    const latin = applied(search, 'Nurlan Seitov');
    expect(cyrillic).toEqual(latin);
    expect(cyrillic).toMatchObject({ sql: '((p.search_key LIKE :f0w0 AND p.search_key LIKE :f0w1))' });
  });

  it('also tries a document number when the text has digits', () => {
    expect(applied(search, 'N 1234-5678')).toMatchObject({ params: { f0doc: 'N12345678' } });
  });

  it('refuses empty or overlong text', () => {
    expect(search.parse('  ')).toHaveProperty('error');
    expect(search.parse('x'.repeat(201))).toHaveProperty('error');
  });
});

describe('queue', () => {
  it('accepts the four queues only', () => {
    const def = queue('a');
    for (const q of ['mine', 'unassigned', 'due_soon', 'overdue']) expect(def.parse(q)).toEqual({ value: q });
    expect(def.parse('all')).toHaveProperty('error');
  });
});

describe('deadline queues', () => {
  it('are the conditions the staff-notifications job uses too', () => {
    const calls: string[] = [];
    const qb = { andWhere: (sql: string) => calls.push(sql) } as unknown as SelectQueryBuilder<ObjectLiteral>;
    queue('a').apply(qb, 'due_soon', 'f0');
    queue('a').apply(qb, 'overdue', 'f1');
    expect(calls).toEqual([DEADLINE_QUEUE_CONDITIONS.due_soon('a'), DEADLINE_QUEUE_CONDITIONS.overdue('a')]);
  });

  it('count due soon up to DUE_SOON_WORKING_DAYS working days: from a Thursday, before the next Tuesday', () => {
    expect(dueSoonBefore('2026-12-03', [])).toBe('2026-12-08');
  });
});

describe('Kazakhstan-day date filters', () => {
  it('refuse a day that does not exist', () => {
    expect(kazakhstanDayFrom('a.created_at').parse('2026-02-30')).toHaveProperty('error');
    expect(kazakhstanDayTo('a.created_at').parse('2026-02-28')).toEqual({ value: '2026-02-28' });
  });
});
