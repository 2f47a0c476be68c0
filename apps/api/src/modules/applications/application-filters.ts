import {
  ACTIVE_STATUSES,
  addWorkingDays,
  DUE_SOON_WORKING_DAYS,
  type HolidayRule,
  isValidCalendarDate,
  nameSearchKey,
  type Queue,
  QUEUES,
} from '@qonys/domain';
import type { ObjectLiteral } from 'typeorm';
import type { FilterDef } from '../../common/list/list-query';
import { documentKey } from '../persons/person-keys';
import { coded } from '../../common/errors/domain-error';

/** List filters particular to cases: the caseworker queues, the search box, dates in Kazakhstan time. */

/**
 * Parameters the queues need from the request, which the repository sets on the
 * query before the filters run (a FilterDef only sees the filter value).
 */
export interface QueueParameters {
  /** The caller: "my cases". */
  queueUserId: number;
  /** Today in Kazakhstan, YYYY-MM-DD. */
  queueToday: string;
  /** The first date more than DUE_SOON_WORKING_DAYS working days away: due_soon is today ≤ due < this. */
  queueDueSoonBefore: string;
  /** The last day of the extension window from today: status_expiring is today ≤ valid_to ≤ this. */
  queueExpiringBy: string;
}

/** daysLeft ≤ DUE_SOON_WORKING_DAYS ⇔ due before the (N+1)th working day from today: `queueDueSoonBefore`. */
export const dueSoonBefore = (today: string, rules: readonly HolidayRule[]): string =>
  addWorkingDays(today, DUE_SOON_WORKING_DAYS + 1, rules);

/**
 * The deadline queues' conditions on a case `alias`, with the parameters `queueToday` and
 * `queueDueSoonBefore`: the case list's tabs and the staff-notifications job both use them,
 * so "due soon" and "overdue" mean one thing. A paused clock has no due date, so paused
 * cases are in neither.
 */
export const DEADLINE_QUEUE_CONDITIONS: Record<'due_soon' | 'overdue', (alias: string) => string> = {
  due_soon: (alias) => `${alias}.deadline_due >= :queueToday AND ${alias}.deadline_due < :queueDueSoonBefore`,
  overdue: (alias) => `${alias}.deadline_due < :queueToday`,
};

/**
 * `queue`: "my cases", "unassigned in my region", "due soon" (DUE_SOON_WORKING_DAYS), "overdue",
 * "status expiring", "outcome follow-up due".
 */
export function queue<T extends ObjectLiteral>(alias: string): FilterDef<T> {
  return {
    parse: (v) =>
      typeof v === 'string' && (QUEUES as readonly string[]).includes(v)
        ? { value: v }
        : { error: coded('validation.is_in', { values: QUEUES.join(', ') }) },
    apply: (qb, v, p) => {
      const active = { [`${p}active`]: [...ACTIVE_STATUSES] };
      const name = v as Queue;
      switch (name) {
        case 'mine':
          qb.andWhere(`${alias}.assigned_to_id = :queueUserId AND ${alias}.status IN (:...${p}active)`, active);
          break;
        case 'unassigned':
          qb.andWhere(`${alias}.assigned_to_id IS NULL AND ${alias}.status IN (:...${p}active)`, active);
          break;
        case 'due_soon':
        case 'overdue':
          qb.andWhere(DEADLINE_QUEUE_CONDITIONS[name](alias));
          break;
        case 'status_expiring':
          qb.andWhere(
            `${alias}.status = 'approved' AND ${alias}.status_valid_to >= :queueToday AND ${alias}.status_valid_to <= :queueExpiringBy`,
          );
          break;
        case 'follow_up_due':
          qb.andWhere(
            `EXISTS (SELECT 1 FROM outcome_follow_up due_follow_up WHERE due_follow_up.application_id = ${alias}.id
                       AND due_follow_up.state = 'open' AND due_follow_up.due_date <= :queueToday)`,
          );
          break;
      }
    },
  };
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

type Search =
  | { kind: 'number'; prefix: string }
  | { kind: 'iin'; iin: string }
  | { kind: 'text'; words: string[]; documentKey: string | null };

/**
 * `q`: a case number (exact or a prefix: "KND-2026-0001"), the applicant's IIN, the
 * applicant's identity document number, or the applicant's name in any script and
 * spelling (each word of nameSearchKey(q) inside the person's search_key, which the
 * trigram index serves).
 */
export function applicationSearch<T extends ObjectLiteral>(alias: string, personAlias: string): FilterDef<T> {
  return {
    parse: (v) => {
      if (typeof v !== 'string' || v.trim().length === 0 || v.length > 200) {
        return { error: coded('validation.max_length', { max: 200 }) };
      }
      const text = v.trim();
      if (/^knd(-|$)/i.test(text))
        return { value: { kind: 'number', prefix: `${escapeLike(text.toUpperCase())}%` } satisfies Search };
      const digits = text.replace(/[\s-]/g, '');
      if (/^\d{12}$/.test(digits)) return { value: { kind: 'iin', iin: digits } satisfies Search };
      const words = nameSearchKey(text).split(' ').filter(Boolean);
      // As the persons module keys identity document numbers.
      const document = /\d/.test(text) ? documentKey(text) : null;
      if (words.length === 0 && !document) return { error: coded('validation.search_text') };
      return { value: { kind: 'text', words, documentKey: document } satisfies Search };
    },
    apply: (qb, v, p) => {
      const search = v as Search;
      switch (search.kind) {
        case 'number':
          qb.andWhere(`${alias}.number LIKE :${p}`, { [p]: search.prefix });
          break;
        case 'iin':
          qb.andWhere(`${personAlias}.iin = :${p}`, { [p]: search.iin });
          break;
        case 'text': {
          const params: Record<string, string> = {};
          const name = search.words.map((word, i) => {
            params[`${p}w${i}`] = `%${escapeLike(word)}%`;
            return `${personAlias}.search_key LIKE :${p}w${i}`;
          });
          const alternatives = name.length > 0 ? [`(${name.join(' AND ')})`] : [];
          if (search.documentKey) {
            params[`${p}doc`] = search.documentKey;
            alternatives.push(`${personAlias}.document_key = :${p}doc`);
          }
          qb.andWhere(`(${alternatives.join(' OR ')})`, params);
          break;
        }
      }
    },
  };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isIsoDate = (v: unknown): v is string =>
  typeof v === 'string' &&
  ISO_DATE.test(v) &&
  isValidCalendarDate(Number(v.slice(0, 4)), Number(v.slice(5, 7)), Number(v.slice(8, 10)));

/**
 * A timestamp column from the start of a day in Kazakhstan (UTC+5), whatever the
 * session time zone; the comparison stays on the bare column, so its index serves it.
 */
export function kazakhstanDayFrom<T extends ObjectLiteral>(column: string): FilterDef<T> {
  return {
    parse: (v) => (isIsoDate(v) ? { value: v } : { error: coded('validation.is_date') }),
    apply: (qb, v, p) =>
      void qb.andWhere(`${column} >= ((:${p})::date::text || ' 00:00:00+05')::timestamptz`, { [p]: v }),
  };
}

/** Inclusive upper bound: the whole Kazakhstan day `v` is included. */
export function kazakhstanDayTo<T extends ObjectLiteral>(column: string): FilterDef<T> {
  return {
    parse: (v) => (isIsoDate(v) ? { value: v } : { error: coded('validation.is_date') }),
    apply: (qb, v, p) =>
      void qb.andWhere(`${column} < (((:${p})::date + 1)::text || ' 00:00:00+05')::timestamptz`, { [p]: v }),
  };
}
