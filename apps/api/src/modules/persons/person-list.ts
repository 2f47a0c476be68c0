import { isValidCalendarDate, SEXES } from '@qonys/domain';
import { ids, integerEquals, oneOf } from '../../common/list/filters';
import type { FilterDef, ListSpec } from '../../common/list/list-query';
import { type Person } from './entities/person.entity';
import { parsePersonQuery, type PersonQuery } from './person-keys';
import { coded } from '../../common/errors/domain-error';

/** GET /persons in the list dialect: its sorts and filters. */

/**
 * Rows matching `condition`, found once (an InitPlan) on the condition's own index,
 * so the planner never answers "newest 25 matches" by walking the whole primary key
 * backwards and testing each row (it did, for common names, taking seconds).
 */
const matchingIds = (condition: string) => `p.id = ANY(ARRAY(SELECT s.id FROM person s WHERE ${condition}))`;

/**
 * `q`: a name in any script and spelling (trigram word similarity on the search key),
 * an IIN, an identity document number, or a case number — each on its own index.
 */
const personSearch: FilterDef<Person> = {
  parse: (v) => {
    if (typeof v !== 'string' || v.length > 200) return { error: coded('validation.max_length', { max: 200 }) };
    const query = parsePersonQuery(v);
    return query ? { value: query } : { error: coded('validation.search_text') };
  },
  apply: (qb, v, p) => {
    const query = v as PersonQuery;
    switch (query.kind) {
      case 'iin':
        // One parameter per column, so each is typed as its column and both indexes serve.
        qb.andWhere(`(p.iin = :${p}_iin OR p.document_key = :${p}_document)`, {
          [`${p}_iin`]: query.value,
          [`${p}_document`]: query.value,
        });
        return;
      case 'document':
        qb.andWhere(`p.document_key = :${p}`, { [p]: query.value });
        return;
      case 'case':
        qb.andWhere(
          matchingIds(
            `s.id IN (SELECT m.person_id FROM application_member m JOIN application a ON a.id = m.application_id WHERE a.number = :${p})`,
          ),
          { [p]: query.value },
        );
        return;
      case 'name': {
        // Every word of the name, in any order, close to a word of the key: word_similarity
        // >= pg_trgm.word_similarity_threshold (0.6), served by the trigram index.
        const words = [...new Set(query.value.split(' '))].slice(0, 8);
        const params = Object.fromEntries(words.map((word, i) => [`${p}_${i}`, word]));
        qb.andWhere(matchingIds(words.map((_, i) => `:${p}_${i} <% s.search_key`).join(' AND ')), params);
        return;
      }
    }
  },
};

const isIsoDate = (v: unknown): v is string =>
  typeof v === 'string' &&
  /^\d{4}-\d{2}-\d{2}$/.test(v) &&
  isValidCalendarDate(Number(v.slice(0, 4)), Number(v.slice(5, 7)), Number(v.slice(8, 10)));

export const PERSON_LIST: ListSpec<Person> = {
  resource: 'persons',
  sortable: {
    id: 'p.id',
    surname: 'p.surname',
    givenName: 'p.given_name',
    birthDate: 'p.birth_date',
    createdAt: 'p.created_at',
  },
  // Newest first: served by the primary key, or (region_id, id) for regional staff.
  defaultSort: ['id', 'DESC'],
  filters: {
    id: ids('p.id'),
    q: personSearch,
    regionId: integerEquals('p.region_id', 1),
    birthDate: {
      parse: (v) => (isIsoDate(v) ? { value: v } : { error: coded('validation.is_date') }),
      apply: (qb, v, p) => void qb.andWhere(`p.birth_date = :${p}`, { [p]: v }),
    },
    sex: oneOf('p.sex', SEXES),
    iin: {
      parse: (v) => (typeof v === 'string' && /^\d{12}$/.test(v) ? { value: v } : { error: coded('iin.format') }),
      apply: (qb, v, p) => void qb.andWhere(`p.iin = :${p}`, { [p]: v }),
    },
    merged: {
      parse: (v) =>
        v === true || v === 'true'
          ? { value: true }
          : v === false || v === 'false'
            ? { value: false }
            : { error: coded('validation.is_boolean') },
      apply: (qb, v) => void qb.andWhere(v ? 'p.merged_into_id IS NOT NULL' : 'p.merged_into_id IS NULL'),
    },
  },
};
