import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { countUpTo, listBatches } from '../../common/list/list-export';
import { fetchPage, type ListResult, type ParsedListQuery } from '../../common/list/list-query';
import { Person } from './entities/person.entity';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { type PersonQuery } from './person-keys';
import { NAME_WALK, PERSON_LIST, SEARCH_REGION, searchWords } from './person-list';

/** A person with the keys duplicate detection compares. */
export type PersonWithKeys = Person & { searchKey: string; documentKey: string | null };

export interface DuplicateMatch {
  id: number;
  score: number;
  reasons: string[];
}

/** How many of the scope's newest persons a name search tests to tell a common name from a rare one. */
const NAME_SAMPLE = 1000;
/** Matches among them that make a name common: one in 200, so a page of 25 lies within ~5,000 rows. */
const COMMON_NAME_HITS = 5;

/** Below this pg_trgm similarity of the search keys, a name is not a candidate. */
export const NAME_SIMILARITY_THRESHOLD = 0.5;

export interface Membership {
  id: number;
  applicationId: number;
  active: boolean;
  number: string | null;
}

/** What an erased person's names read (the admin shows them as erased by `erasedAt`). */
export const ERASED_NAME = '—';
const ERASED_FILE_NAME = 'erased';

@Injectable()
export class PersonsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'listExactTotalLimit'>,
  ) {}

  /** A page of the list; `regionId` limits every row and the count to one region. */
  async listForRegion(query: ParsedListQuery, regionId: number | null): Promise<ListResult<Person>> {
    const qb = this.inRegion(query, regionId);
    const searchRegion = regionId ?? (query.filter.regionId as number | undefined);
    const search = query.filter.q as PersonQuery | undefined;
    // A single word can be common (a given name, the start of a surname); a full name hardly is.
    const words = search?.kind === 'name' ? searchWords(search.value) : [];
    const common = words.length === 1 ? await this.commonName(words, searchRegion ?? null) : null;
    if (common) qb.setParameter(NAME_WALK, true);
    return fetchPage(qb, query, PERSON_LIST, {
      exactTotalLimit: this.config.listExactTotalLimit,
      ...(common && { total: { total: common.estimatedTotal, estimated: true } }),
    });
  }

  /**
   * Whether the name is common among the scope's newest persons (docs/lists.md): at least
   * COMMON_NAME_HITS of the newest NAME_SAMPLE match. Then its total is that share of the
   * scope, an estimate; a scope smaller than the sample is searched on the index.
   */
  private async commonName(words: string[], regionId: number | null): Promise<{ estimatedTotal: number } | null> {
    const similar = words.map((_, i) => `word_similarity($${i + 2}, t.search_key) >= 0.6`).join(' AND ');
    const [sample] = await this.dataSource.query<{ hits: number; sampled: number }[]>(
      `SELECT count(*) FILTER (WHERE ${similar})::int AS hits, count(*)::int AS sampled
         FROM (SELECT search_key FROM person WHERE ($1::int IS NULL OR region_id = $1::int) ORDER BY id DESC LIMIT ${NAME_SAMPLE}) t`,
      [regionId, ...words],
    );
    if (sample.sampled < NAME_SAMPLE || sample.hits < COMMON_NAME_HITS) return null;
    const [plan] = await this.dataSource.query<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }[]>(
      'EXPLAIN (FORMAT JSON) SELECT 1 FROM person WHERE ($1::int IS NULL OR region_id = $1::int)',
      [regionId],
    );
    return { estimatedTotal: Math.round((plan['QUERY PLAN'][0].Plan['Plan Rows'] * sample.hits) / NAME_SAMPLE) };
  }

  /** Every person of the list in its order, a batch at a time (an export; docs/exports.md). */
  exportBatches(query: ParsedListQuery, regionId: number | null): AsyncGenerator<Person[]> {
    return listBatches(() => this.inRegion(query, regionId), query, PERSON_LIST);
  }

  exportCount(query: ParsedListQuery, regionId: number | null, cap: number): Promise<number> {
    return countUpTo(this.inRegion(query, regionId), query, PERSON_LIST, cap);
  }

  private inRegion(query: ParsedListQuery, regionId: number | null): SelectQueryBuilder<Person> {
    const qb = this.dataSource.getRepository(Person).createQueryBuilder('p');
    if (regionId !== null) qb.where('p.region_id = :scopeRegionId', { scopeRegionId: regionId });
    // A name search looks in one region's part of the index when the list is limited to one.
    const searchRegion = regionId ?? (query.filter.regionId as number | undefined);
    if (searchRegion !== undefined) qb.setParameter(SEARCH_REGION, searchRegion);
    return qb;
  }

  findById(id: number, manager: EntityManager = this.dataSource.manager): Promise<Person | null> {
    return manager.getRepository(Person).findOneBy({ id });
  }

  findByIds(personIds: number[]): Promise<Person[]> {
    if (personIds.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(Person)
      .createQueryBuilder('p')
      .where('p.id IN (:...personIds)', { personIds })
      .getMany();
  }

  findWithKeys(id: number): Promise<PersonWithKeys | null> {
    return this.withKeys(this.dataSource.getRepository(Person).createQueryBuilder('p'))
      .where('p.id = :id', { id })
      .getOne() as Promise<PersonWithKeys | null>;
  }

  /** Locks the rows for the rest of the transaction, in id order (no deadlock between two merges). */
  lockByIds(manager: EntityManager, personIds: number[]): Promise<Person[]> {
    return manager
      .getRepository(Person)
      .createQueryBuilder('p')
      .where('p.id IN (:...personIds)', { personIds })
      .orderBy('p.id')
      .setLock('pessimistic_write')
      .getMany();
  }

  /** The person holding an IIN (not merged away): whom a unique-IIN conflict is with. */
  findHolderOfIin(iin: string): Promise<Person | null> {
    return this.dataSource
      .getRepository(Person)
      .createQueryBuilder('p')
      .where('p.iin = :iin AND p.merged_into_id IS NULL', { iin })
      .getOne();
  }

  async insert(manager: EntityManager, values: Partial<PersonWithKeys>): Promise<number> {
    const result = await manager.getRepository(Person).insert(values as Partial<Person>);
    return (result.identifiers[0] as { id: number }).id;
  }

  async exists(id: number, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return manager.getRepository(Person).existsBy({ id });
  }

  async regionExists(regionId: number, manager: EntityManager): Promise<boolean> {
    const rows = await manager.query<unknown[]>('SELECT 1 FROM region WHERE id = $1', [regionId]);
    return rows.length > 0;
  }

  /**
   * Other persons who may be this one, in every region: the same IIN, the same
   * identity document, or a similar name (any script) with the same birth date.
   * Merged persons and pairs marked distinct are left out. Each branch is one index
   * lookup: (iin), (document_key), (birth_date) with the trigram similarity computed
   * on that day's few rows.
   */
  async duplicatesOf(person: PersonWithKeys, limit = 50): Promise<DuplicateMatch[]> {
    const params: unknown[] = [person.id];
    const param = (value: unknown) => `$${params.push(value)}`;
    const branches: string[] = [];
    if (person.iin) {
      branches.push(
        `SELECT p.id, 1.0::float8 AS score, 'same_iin' AS reason FROM person p WHERE p.iin = ${param(person.iin)}::bpchar`,
      );
    }
    if (person.documentKey) {
      branches.push(
        `SELECT p.id, 0.95::float8 AS score, 'same_document' AS reason FROM person p WHERE p.document_key = ${param(person.documentKey)}::varchar`,
      );
    }
    const key = param(person.searchKey);
    branches.push(
      `SELECT p.id, similarity(p.search_key, ${key})::float8 AS score, 'similar_name_same_birth_date' AS reason FROM person p
        WHERE p.birth_date = ${param(person.birthDate)}::date AND similarity(p.search_key, ${key}) > ${param(NAME_SIMILARITY_THRESHOLD)}`,
    );
    const rows = await this.dataSource.query<{ id: number; score: number; reasons: string[] }[]>(
      `SELECT c.id, max(c.score) AS score, array_agg(c.reason ORDER BY c.score DESC, c.reason) AS reasons
         FROM (${branches.join(' UNION ALL ')}) c
         JOIN person p ON p.id = c.id
        WHERE c.id <> $1 AND p.merged_into_id IS NULL
          AND NOT EXISTS (SELECT 1 FROM person_distinct_pair d
                           WHERE d.person_id = least(c.id, $1) AND d.other_person_id = greatest(c.id, $1))
        GROUP BY c.id
        ORDER BY score DESC, c.id
        LIMIT ${param(limit)}`,
      params,
    );
    return rows.map((row) => ({ id: row.id, score: Math.round(row.score * 1000) / 1000, reasons: row.reasons }));
  }

  /** Records "not the same person" once per pair; null when it was already recorded. */
  async markDistinct(
    manager: EntityManager,
    personId: number,
    otherPersonId: number,
    decidedBy: number,
  ): Promise<{ decidedBy: number; decidedAt: Date } | null> {
    const [low, high] = personId < otherPersonId ? [personId, otherPersonId] : [otherPersonId, personId];
    const rows = await manager.query<{ decided_by: number; decided_at: Date }[]>(
      `INSERT INTO person_distinct_pair (person_id, other_person_id, decided_by) VALUES ($1, $2, $3)
       ON CONFLICT (person_id, other_person_id) DO NOTHING RETURNING decided_by, decided_at`,
      [low, high, decidedBy],
    );
    return rows[0] ? { decidedBy: rows[0].decided_by, decidedAt: rows[0].decided_at } : null;
  }

  async distinctPair(
    personId: number,
    otherPersonId: number,
    manager: EntityManager,
  ): Promise<{ decidedBy: number; decidedAt: Date }> {
    const [low, high] = personId < otherPersonId ? [personId, otherPersonId] : [otherPersonId, personId];
    const [row] = await manager.query<{ decided_by: number; decided_at: Date }[]>(
      'SELECT decided_by, decided_at FROM person_distinct_pair WHERE person_id = $1 AND other_person_id = $2',
      [low, high],
    );
    return { decidedBy: row.decided_by, decidedAt: row.decided_at };
  }

  /** The person's places in cases, with the case number. */
  memberships(manager: EntityManager, personId: number): Promise<Membership[]> {
    return manager.query<Membership[]>(
      `SELECT m.id, m.application_id AS "applicationId", m.active, a.number
         FROM application_member m JOIN application a ON a.id = m.application_id
        WHERE m.person_id = $1 ORDER BY m.id`,
      [personId],
    );
  }

  /** Moves a merged person's case memberships, applicant roles and member documents to the person kept. */
  async moveCaseLinks(
    manager: EntityManager,
    fromId: number,
    toId: number,
  ): Promise<{ applicationIds: number[]; documents: number }> {
    // An UPDATE answers [rows, affected count].
    const [members] = await manager.query<[{ application_id: number }[], number]>(
      'UPDATE application_member SET person_id = $2 WHERE person_id = $1 RETURNING application_id',
      [fromId, toId],
    );
    const [applicants] = await manager.query<[{ id: number }[], number]>(
      'UPDATE application SET applicant_id = $2, version = version + 1, updated_at = now() WHERE applicant_id = $1 RETURNING id',
      [fromId, toId],
    );
    const [, documents] = await manager.query<[unknown[], number]>(
      'UPDATE document SET person_id = $2 WHERE person_id = $1',
      [fromId, toId],
    );
    const applicationIds = [...new Set([...members.map((m) => m.application_id), ...applicants.map((a) => a.id)])].sort(
      (a, b) => a - b,
    );
    return { applicationIds, documents };
  }

  private withKeys<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
    return qb.addSelect(['p.searchKey', 'p.documentKey']);
  }

  /**
   * Replaces the persons' personal data by placeholders and keeps what statistics need
   * (sex, birth year, ethnicity, citizenship, country of origin, education, languages,
   * region); their names leave the case timelines and their documents' file names go
   * (docs/personal-data.md, Erasure). Returns the ids erased.
   */
  async anonymise(manager: EntityManager, personIds: number[]): Promise<number[]> {
    const rows = await manager.query<{ id: number }[]>(
      // A SELECT over the UPDATE: TypeORM returns an UPDATE's rows wrapped with its count.
      `WITH erased AS (UPDATE person SET surname = $2, given_name = $2, patronymic = NULL,
         surname_latin = $2, given_name_latin = $2, patronymic_latin = NULL, other_spellings = '{}',
         birth_date = date_trunc('year', birth_date)::date, iin = NULL,
         id_document_type = NULL, id_document_number = NULL, id_document_issuer = NULL, id_document_expiry = NULL,
         profession = NULL, phone = NULL, email = NULL, address_abroad = NULL, address_kz = NULL,
         search_key = '', document_key = NULL, erased_at = now(), version = version + 1, updated_at = now()
       WHERE id = ANY($1::int[]) AND erased_at IS NULL
       RETURNING id)
       SELECT id FROM erased ORDER BY id`,
      [personIds, ERASED_NAME],
    );
    const erased = rows.map((r) => r.id);
    if (erased.length === 0) return erased;
    await manager.query(
      `UPDATE application_event e SET data = jsonb_set(e.data, '{members}', (
         SELECT jsonb_agg(CASE WHEN (m ->> 'personId')::int = ANY($1::int[]) THEN m - 'name' ELSE m END ORDER BY o)
         FROM jsonb_array_elements(e.data -> 'members') WITH ORDINALITY AS x(m, o)))
       WHERE jsonb_typeof(e.data -> 'members') = 'array'
         AND e.application_id IN (SELECT application_id FROM application_member WHERE person_id = ANY($1::int[]))`,
      [erased],
    );
    await manager.query(
      `UPDATE document SET file_name = $2, version = version + 1, updated_at = now() WHERE person_id = ANY($1::int[])`,
      [erased, ERASED_FILE_NAME],
    );
    // Their e-mail address and phone leave the outbox too; what was still to be sent is not sent.
    await manager.query(
      `UPDATE applicant_message
          SET recipient = NULL, state = CASE WHEN state IN ('queued', 'failed') THEN 'cancelled' ELSE state END,
              updated_at = now()
        WHERE person_id = ANY($1::int[])`,
      [erased],
    );
    return erased;
  }
}
