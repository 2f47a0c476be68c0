import { isValidCalendarDate, SEXES } from '@qonys/domain';
import { ids, integerEquals, oneOf } from '../../common/list/filters';
import type { FilterDef, ListSpec } from '../../common/list/list-query';
import { type Person } from './entities/person.entity';
import { parsePersonQuery, type PersonQuery } from './person-keys';
import { coded } from '../../common/errors/domain-error';

/** GET /persons in the list dialect: its sorts and filters. */

/**
 * The parameter holding the one region the list is limited to (the caller's scope or the
 * regionId filter), which the repository sets before the filters run.
 */
export const SEARCH_REGION = 'searchRegionId';
/**
 * Set by the repository when the name searched for is common in the scope (docs/lists.md):
 * the newest rows are then read in order and each is tested, which finds a page of a
 * name one person in fifty has in a few hundred rows, where the index would collect them all.
 */
export const NAME_WALK = 'nameWalk';

/** The words of a name search key that are searched for: each once, at most eight. */
export const searchWords = (key: string): string[] => [...new Set(key.split(' '))].slice(0, 8);

/**
 * Rows matching `condition`, found once (an InitPlan) on the condition's own index,
 * so the planner never answers "newest 25 matches" by walking the whole primary key
 * backwards and testing each row (it did, for rare names, taking seconds).
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
        // >= pg_trgm.word_similarity_threshold (0.6), served by the trigram index. The
        // region goes inside, so (region_id, search_key) finds only that region's matches.
        const words = searchWords(query.value);
        const params = Object.fromEntries(words.map((word, i) => [`${p}_${i}`, word]));
        if (qb.getParameters()[NAME_WALK]) {
          // The same test as <% at its 0.6 threshold, in a form no index serves.
          qb.andWhere(words.map((_, i) => `word_similarity(:${p}_${i}, p.search_key) >= 0.6`).join(' AND '), params);
          return;
        }
        const similar = words.map((_, i) => `:${p}_${i} <% s.search_key`);
        const region = qb.getParameters()[SEARCH_REGION] === undefined ? [] : [`s.region_id = :${SEARCH_REGION}`];
        qb.andWhere(matchingIds([...region, ...similar].join(' AND ')), params);
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
  keyset: {
    id: { type: 'int', nullable: false },
    surname: { type: 'text', nullable: false },
    givenName: { type: 'text', nullable: false },
    birthDate: { type: 'date', nullable: false },
    createdAt: { type: 'timestamptz', nullable: false },
  },
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
