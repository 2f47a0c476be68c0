import { isValidCalendarDate } from '@qonys/domain';
import type { ObjectLiteral } from 'typeorm';
import { coded } from '../errors/domain-error';
import type { FilterDef } from './list-query';

/** Ready-made filter definitions for ListSpec.filters. */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isIsoDate = (v: unknown): v is string =>
  typeof v === 'string' && ISO_DATE.test(v) && isValidCalendarDate(Number(v.slice(0, 4)), Number(v.slice(5, 7)), Number(v.slice(8, 10)));

/** `{ id: [1, 2] }` from react-admin's getMany, or a single id. */
export function ids<T extends ObjectLiteral>(column: string): FilterDef<T> {
  return {
    parse: (v) => {
      const list = Array.isArray(v) ? v : [v];
      const numbers = list.map((x) => Number(x));
      return numbers.length > 0 && numbers.length <= 500 && numbers.every((x) => Number.isInteger(x) && x > 0)
        ? { value: numbers }
        : { error: coded('validation.ids', { max: 500 }) };
    },
    apply: (qb, v, p) => void qb.andWhere(`${column} IN (:...${p})`, { [p]: v }),
  };
}

export function integerEquals<T extends ObjectLiteral>(column: string, min = 0, max = 2 ** 31 - 1): FilterDef<T> {
  return {
    parse: (v) => {
      const n = Number(v);
      return Number.isInteger(n) && n >= min && n <= max ? { value: n } : { error: coded('validation.int_range', { min, max }) };
    },
    apply: (qb, v, p) => void qb.andWhere(`${column} = :${p}`, { [p]: v }),
  };
}

export function oneOf<T extends ObjectLiteral>(column: string, allowed: readonly string[]): FilterDef<T> {
  return {
    parse: (v) => {
      const list = Array.isArray(v) ? v : [v];
      return list.length > 0 && list.every((x) => typeof x === 'string' && allowed.includes(x))
        ? { value: list }
        : { error: coded('validation.is_in', { values: allowed.join(', ') }) };
    },
    apply: (qb, v, p) => void qb.andWhere(`${column} IN (:...${p})`, { [p]: v }),
  };
}

export function booleanEquals<T extends ObjectLiteral>(column: string): FilterDef<T> {
  return {
    parse: (v) => (v === true || v === 'true' ? { value: true } : v === false || v === 'false' ? { value: false } : { error: coded('validation.is_boolean') }),
    apply: (qb, v, p) => void qb.andWhere(`${column} = :${p}`, { [p]: v }),
  };
}

/** Case-insensitive substring search over several text columns. */
export function textSearch<T extends ObjectLiteral>(columns: string[]): FilterDef<T> {
  return {
    parse: (v) =>
      typeof v === 'string' && v.trim().length > 0 && v.length <= 200
        ? { value: `%${v.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` }
        : { error: coded('validation.max_length', { max: 200 }) },
    apply: (qb, v, p) => void qb.andWhere(`(${columns.map((c) => `${c} ILIKE :${p}`).join(' OR ')})`, { [p]: v }),
  };
}

export function dateFrom<T extends ObjectLiteral>(column: string): FilterDef<T> {
  return {
    parse: (v) => (isIsoDate(v) ? { value: v } : { error: coded('validation.is_date') }),
    apply: (qb, v, p) => void qb.andWhere(`${column} >= (:${p})::date`, { [p]: v }),
  };
}

/** Inclusive upper bound: the whole day `v` is included. */
export function dateTo<T extends ObjectLiteral>(column: string): FilterDef<T> {
  return {
    parse: (v) => (isIsoDate(v) ? { value: v } : { error: coded('validation.is_date') }),
    apply: (qb, v, p) => void qb.andWhere(`${column} < (:${p})::date + 1`, { [p]: v }),
  };
}

/** `value = ANY(column)` for an integer array column. */
export function arrayContains<T extends ObjectLiteral>(column: string, min: number, max: number): FilterDef<T> {
  return {
    parse: (v) => {
      const n = Number(v);
      return Number.isInteger(n) && n >= min && n <= max ? { value: n } : { error: coded('validation.int_range', { min, max }) };
    },
    apply: (qb, v, p) => void qb.andWhere(`${column} @> ARRAY[:${p}]::int[]`, { [p]: v }),
  };
}

/** Exact match on a text column (uses a plain btree index). */
export function textEquals<T extends ObjectLiteral>(column: string, maxLength = 100): FilterDef<T> {
  return {
    parse: (v) => {
      const text = typeof v === 'number' ? String(v) : v;
      return typeof text === 'string' && text.length > 0 && text.length <= maxLength
        ? { value: text }
        : { error: coded('validation.max_length', { max: maxLength }) };
    },
    apply: (qb, v, p) => void qb.andWhere(`${column} = :${p}`, { [p]: v }),
  };
}
