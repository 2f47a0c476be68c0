import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  APPLICATION_EVENT_TYPES,
  APPLICATION_STATUSES,
  type CertificateView,
  CHANNELS,
  type DeadlineKey,
  type DeadlineUnit,
  type LegalGroundKind,
  type MemberPerson,
  type MemberView,
} from '@qonys/domain';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { ids, integerEquals, oneOf, textSearch } from '../../common/list/filters';
import { countUpTo, listBatches } from '../../common/list/list-export';
import { fetchPage, type ListResult, type ListSpec, type ParsedListQuery } from '../../common/list/list-query';
import { Person } from '../persons/entities/person.entity';
import { User } from '../users/entities/user.entity';
import {
  applicationSearch,
  kazakhstanDayFrom,
  kazakhstanDayTo,
  queue,
  type QueueParameters,
} from './application-filters';
import type { LoadedApplication } from './application-view';
import { Application } from './entities/application.entity';
import { ApplicationEvent } from './entities/application-event.entity';

export const APPLICATION_LIST: ListSpec<Application> = {
  resource: 'applications',
  sortable: {
    id: 'a.id',
    number: 'a.number',
    status: 'a.status',
    createdAt: 'a.created_at',
    submittedAt: 'a.submitted_at',
    deadlineDue: 'a.deadline_due',
  },
  defaultSort: ['id', 'DESC'],
  keyset: {
    id: { type: 'int', nullable: false },
    number: { type: 'text', nullable: true },
    status: { type: 'text', nullable: false },
    createdAt: { type: 'timestamptz', nullable: false },
    submittedAt: { type: 'timestamptz', nullable: true },
    deadlineDue: { type: 'date', nullable: true },
  },
  filters: {
    id: ids('a.id'),
    status: oneOf('a.status', APPLICATION_STATUSES),
    regionId: integerEquals('a.region_id', 1),
    assignedToId: integerEquals('a.assigned_to_id', 1),
    applicantId: integerEquals('a.applicant_id', 1),
    channel: oneOf('a.channel', CHANNELS),
    q: applicationSearch('a', 'p'),
    submittedFrom: kazakhstanDayFrom('a.submitted_at'),
    submittedTo: kazakhstanDayTo('a.submitted_at'),
    createdFrom: kazakhstanDayFrom('a.created_at'),
    createdTo: kazakhstanDayTo('a.created_at'),
    queue: queue('a'),
  },
};

export const TIMELINE_LIST: ListSpec<ApplicationEvent> = {
  resource: 'application-events',
  sortable: { id: 'e.id', occurredAt: 'e.id' },
  defaultSort: ['id', 'ASC'],
  filters: { type: oneOf('e.type', APPLICATION_EVENT_TYPES) },
};

export const ASSIGNEE_LIST: ListSpec<User> = {
  resource: 'assignees',
  sortable: { id: 'u.id', fullName: 'u.full_name', username: 'u.username' },
  defaultSort: ['fullName', 'ASC'],
  filters: {
    id: ids('u.id'),
    regionId: integerEquals('u.region_id', 1),
    q: textSearch(['u.username', 'u.full_name']),
  },
};

/** A person as the case needs it when adding them: may they be added, and under which name. */
export interface PersonForCase {
  id: number;
  regionId: number;
  mergedIntoId: number | null;
  surname: string;
  givenName: string;
}

/** A member with the whole person and the person's region, before the caller's view of it is made. */
export interface MemberRecord {
  personId: number;
  relation: MemberView['relation'];
  active: boolean;
  person: MemberPerson;
  regionId: number;
}

/** A person already in an open case (the one-active-case rule). */
export interface ActiveMembership {
  personId: number;
  surname: string;
  givenName: string;
  applicationId: number;
  number: string | null;
}

export interface DeadlineSettingValue {
  amount: number;
  unit: DeadlineUnit;
}

/** Reads and writes of cases, their members, timeline and certificate. Only this file touches TypeORM. */
@Injectable()
export class ApplicationsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'listExactTotalLimit'>,
  ) {}

  /**
   * Cases with the applicant's and the assignee's names joined: the list and the detail
   * read the same query, and only the columns they show (not the 60 of person and user).
   */
  private withNames(manager: EntityManager): SelectQueryBuilder<Application> {
    return manager
      .getRepository(Application)
      .createQueryBuilder('a')
      .leftJoinAndMapOne('a.applicant', Person, 'p', 'p.id = a.applicant_id')
      .leftJoinAndMapOne('a.assignee', User, 'assignee', 'assignee.id = a.assigned_to_id')
      .select(['a', 'p.id', 'p.surname', 'p.givenName', 'p.regionId', 'assignee.id', 'assignee.fullName']);
  }

  /** One page of cases inside the region scope (null = every region). */
  listPage(
    query: ParsedListQuery,
    scope: number | null,
    queueParameters: QueueParameters,
  ): Promise<ListResult<LoadedApplication>> {
    return fetchPage(this.scoped(scope, queueParameters), query, APPLICATION_LIST, {
      exactTotalLimit: this.config.listExactTotalLimit,
    });
  }

  /** Every case of the list in its order, a batch at a time (an export; docs/exports.md). */
  exportBatches(
    query: ParsedListQuery,
    scope: number | null,
    queueParameters: QueueParameters,
  ): AsyncGenerator<LoadedApplication[]> {
    return listBatches(() => this.scoped(scope, queueParameters), query, APPLICATION_LIST);
  }

  exportCount(
    query: ParsedListQuery,
    scope: number | null,
    queueParameters: QueueParameters,
    cap: number,
  ): Promise<number> {
    return countUpTo(this.scoped(scope, queueParameters), query, APPLICATION_LIST, cap);
  }

  private scoped(scope: number | null, queueParameters: QueueParameters): SelectQueryBuilder<Application> {
    const qb = this.withNames(this.dataSource.manager).setParameters({ ...queueParameters });
    if (scope !== null) qb.andWhere('a.region_id = :scope', { scope });
    return qb;
  }

  /** The case when it is inside the scope, else null (a foreign case answers as missing). */
  findInScope(
    manager: EntityManager,
    id: number,
    scope: number | null,
    options: { lock?: boolean } = {},
  ): Promise<LoadedApplication | null> {
    if (options.lock) {
      // FOR UPDATE cannot take the outer joins: lock the bare row first, then read it with names.
      const lockQb = manager
        .getRepository(Application)
        .createQueryBuilder('a')
        .where('a.id = :id', { id })
        .setLock('pessimistic_write');
      if (scope !== null) lockQb.andWhere('a.region_id = :scope', { scope });
      return lockQb.getOne().then((row) => (row ? this.findInScope(manager, id, scope) : null));
    }
    const qb = this.withNames(manager).where('a.id = :id', { id });
    if (scope !== null) qb.andWhere('a.region_id = :scope', { scope });
    return qb.getOne();
  }

  async membersWithPersons(manager: EntityManager, applicationId: number): Promise<MemberRecord[]> {
    const rows = await manager.query<
      {
        person_id: number;
        region_id: number;
        relation: MemberView['relation'];
        active: boolean;
        surname: string;
        given_name: string;
        patronymic: string | null;
        birth_date: string;
        sex: 'M' | 'F';
        iin: string | null;
        ethnicity: string;
      }[]
    >(
      `SELECT m.person_id, p.region_id, m.relation, m.active, p.surname, p.given_name, p.patronymic, p.birth_date::text AS birth_date,
              p.sex, p.iin, p.ethnicity
         FROM application_member m JOIN person p ON p.id = m.person_id
        WHERE m.application_id = $1
        ORDER BY m.relation <> 'applicant', m.id`,
      [applicationId],
    );
    return rows.map((r) => ({
      personId: r.person_id,
      relation: r.relation,
      active: r.active,
      regionId: r.region_id,
      person: {
        id: r.person_id,
        surname: r.surname,
        givenName: r.given_name,
        patronymic: r.patronymic,
        birthDate: r.birth_date,
        sex: r.sex,
        iin: r.iin,
        ethnicity: r.ethnicity,
      },
    }));
  }

  async certificateOf(manager: EntityManager, applicationId: number): Promise<CertificateView<Date> | null> {
    const [row] = await manager.query<
      { number: string; issued_on: string; valid_from: string; valid_to: string; revoked_at: Date | null }[]
    >(
      `SELECT number, issued_on::text AS issued_on, valid_from::text AS valid_from, valid_to::text AS valid_to, revoked_at
         FROM certificate WHERE application_id = $1`,
      [applicationId],
    );
    return row
      ? {
          number: row.number,
          issuedOn: row.issued_on,
          validFrom: row.valid_from,
          validTo: row.valid_to,
          revokedAt: row.revoked_at,
        }
      : null;
  }

  async personsByIds(manager: EntityManager, personIds: number[]): Promise<PersonForCase[]> {
    return manager.query<PersonForCase[]>(
      `SELECT id, region_id AS "regionId", merged_into_id AS "mergedIntoId", surname, given_name AS "givenName"
         FROM person WHERE id = ANY($1::int[])`,
      [personIds],
    );
  }

  /** Memberships of these persons in open cases other than `exceptApplicationId`. */
  activeMemberships(
    manager: EntityManager,
    personIds: number[],
    exceptApplicationId: number | null,
  ): Promise<ActiveMembership[]> {
    return manager.query<ActiveMembership[]>(
      `SELECT m.person_id AS "personId", p.surname, p.given_name AS "givenName", a.id AS "applicationId", a.number
         FROM application_member m
         JOIN application a ON a.id = m.application_id
         JOIN person p ON p.id = m.person_id
        WHERE m.active AND m.person_id = ANY($1::int[]) AND a.id IS DISTINCT FROM $2::int
        ORDER BY m.person_id`,
      [personIds, exceptApplicationId],
    );
  }

  /** Enabled caseworkers among `userIds` who belong to `regionId`. */
  async isCaseworkerOf(manager: EntityManager, userId: number, regionId: number): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM app_user WHERE id = $1 AND role = 'caseworker' AND region_id = $2 AND NOT disabled`,
      [userId, regionId],
    );
    return rows.length > 0;
  }

  async regionExists(manager: EntityManager, regionId: number): Promise<boolean> {
    const rows = await manager.query<unknown[]>('SELECT 1 FROM region WHERE id = $1', [regionId]);
    return rows.length > 0;
  }

  async insertApplication(manager: EntityManager, values: Partial<Application>): Promise<number> {
    const repo = manager.getRepository(Application);
    const saved = await repo.save(repo.create(values));
    return saved.id;
  }

  async insertMembers(
    manager: EntityManager,
    applicationId: number,
    members: { personId: number; relation: MemberView['relation'] }[],
  ): Promise<void> {
    for (const member of members) {
      await manager.query(`INSERT INTO application_member (application_id, person_id, relation) VALUES ($1, $2, $3)`, [
        applicationId,
        member.personId,
        member.relation,
      ]);
    }
  }

  async deleteMember(manager: EntityManager, applicationId: number, personId: number): Promise<boolean> {
    const [, affected] = await manager.query<[unknown, number]>(
      'DELETE FROM application_member WHERE application_id = $1 AND person_id = $2',
      [applicationId, personId],
    );
    return affected > 0;
  }

  /** A change to the case that is not a field of its row (its members): later stale writes still get 409. */
  async bumpVersion(manager: EntityManager, applicationId: number): Promise<void> {
    await manager.query('UPDATE application SET version = version + 1, updated_at = now() WHERE id = $1', [
      applicationId,
    ]);
  }

  /** Active members and whether the applicant is among them. */
  async memberStats(
    manager: EntityManager,
    applicationId: number,
  ): Promise<{ active: number; applicantActive: boolean }> {
    const [row] = await manager.query<{ active: number; applicant_active: boolean }[]>(
      `SELECT count(*) FILTER (WHERE m.active)::int AS active,
              coalesce(bool_or(m.active AND m.person_id = a.applicant_id), false) AS applicant_active
         FROM application a LEFT JOIN application_member m ON m.application_id = a.id
        WHERE a.id = $1`,
      [applicationId],
    );
    return { active: row?.active ?? 0, applicantActive: row?.applicant_active ?? false };
  }

  /** A terminal status frees the family to apply again. */
  async releaseMembers(manager: EntityManager, applicationId: number): Promise<void> {
    await manager.query('UPDATE application_member SET active = false WHERE application_id = $1 AND active', [
      applicationId,
    ]);
  }

  async legalGround(
    manager: EntityManager,
    id: number,
  ): Promise<{ id: number; kind: LegalGroundKind; validFrom: string | null; validTo: string | null } | null> {
    const [row] = await manager.query<
      { id: number; kind: LegalGroundKind; valid_from: string | null; valid_to: string | null }[]
    >('SELECT id, kind, valid_from::text AS valid_from, valid_to::text AS valid_to FROM legal_ground WHERE id = $1', [
      id,
    ]);
    return row ? { id: row.id, kind: row.kind, validFrom: row.valid_from, validTo: row.valid_to } : null;
  }

  /** The setting valid on `date`: valid_from null or ≤ date, valid_to null or ≥ date, latest valid_from first. */
  async deadlineSetting(manager: EntityManager, key: DeadlineKey, date: string): Promise<DeadlineSettingValue | null> {
    const [row] = await manager.query<DeadlineSettingValue[]>(
      `SELECT amount, unit FROM deadline_setting
        WHERE key = $1 AND (valid_from IS NULL OR valid_from <= $2::date) AND (valid_to IS NULL OR valid_to >= $2::date)
        ORDER BY valid_from DESC NULLS LAST
        LIMIT 1`,
      [key, date],
    );
    return row ?? null;
  }

  /** The next sequence number of the year, atomically under concurrency (any replica). */
  async nextApplicationSequence(manager: EntityManager, year: number): Promise<number> {
    const [row] = await manager.query<{ last_value: number }[]>(
      `INSERT INTO application_number_counter (year, last_value) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last_value = application_number_counter.last_value + 1
       RETURNING last_value`,
      [year],
    );
    return row.last_value;
  }

  async applicantNames(manager: EntityManager, applicationId: number): Promise<{ surname: string; givenName: string }> {
    const [row] = await manager.query<{ surname: string; given_name: string }[]>(
      'SELECT p.surname, p.given_name FROM application a JOIN person p ON p.id = a.applicant_id WHERE a.id = $1',
      [applicationId],
    );
    return { surname: row.surname, givenName: row.given_name };
  }

  /** Inserts the certificate; false when the number is already taken (then draw another). */
  async insertCertificate(
    manager: EntityManager,
    values: {
      number: string;
      applicationId: number;
      holderInitials: string;
      issuedOn: string;
      validFrom: string;
      validTo: string;
    },
  ): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `INSERT INTO certificate (number, application_id, holder_initials, issued_on, valid_from, valid_to)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (number) DO NOTHING
       RETURNING id`,
      [values.number, values.applicationId, values.holderInitials, values.issuedOn, values.validFrom, values.validTo],
    );
    return rows.length > 0;
  }

  async extendCertificate(manager: EntityManager, applicationId: number, validTo: string): Promise<void> {
    await manager.query('UPDATE certificate SET valid_to = $2 WHERE application_id = $1 AND revoked_at IS NULL', [
      applicationId,
      validTo,
    ]);
  }

  async revokeCertificate(manager: EntityManager, applicationId: number): Promise<void> {
    await manager.query('UPDATE certificate SET revoked_at = now() WHERE application_id = $1 AND revoked_at IS NULL', [
      applicationId,
    ]);
  }

  /**
   * Up to `limit` approved cases whose status ended before `today`, locked for the rest
   * of the transaction; rows another run holds are skipped, so runs never wait or clash.
   */
  lockLapsedStatuses(manager: EntityManager, today: string, limit: number): Promise<Application[]> {
    return manager
      .getRepository(Application)
      .createQueryBuilder('a')
      .where(`a.status = 'approved' AND a.status_valid_to < :today`, { today })
      .orderBy('a.id')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  /** How many approved cases have a status that ended before `today` (the run's total). */
  countLapsedStatuses(today: string): Promise<number> {
    return this.dataSource
      .getRepository(Application)
      .createQueryBuilder('a')
      .where(`a.status = 'approved' AND a.status_valid_to < :today`, { today })
      .getCount();
  }

  /** The cases among `ids` inside the scope, locked for the rest of the transaction. */
  lockForAssignment(
    manager: EntityManager,
    ids: number[],
    scope: number | null,
  ): Promise<{ id: number; regionId: number; assignedToId: number | null }[]> {
    return manager.query(
      `SELECT id, region_id AS "regionId", assigned_to_id AS "assignedToId" FROM application
        WHERE id = ANY($1::int[]) AND ($2::int IS NULL OR region_id = $2::int)
        ORDER BY id
        FOR UPDATE`,
      [ids, scope],
    );
  }

  /** One UPDATE for the whole selection. */
  async assignMany(manager: EntityManager, ids: number[], assignedToId: number | null): Promise<void> {
    await manager.query(
      'UPDATE application SET assigned_to_id = $2, version = version + 1, updated_at = now() WHERE id = ANY($1::int[])',
      [ids, assignedToId],
    );
  }

  timelinePage(
    applicationId: number,
    query: ParsedListQuery,
  ): Promise<ListResult<ApplicationEvent & { actor?: User | null }>> {
    const qb = this.dataSource
      .getRepository(ApplicationEvent)
      .createQueryBuilder('e')
      .leftJoinAndMapOne('e.actor', User, 'actor', 'actor.id = e.actor_id')
      .where('e.application_id = :applicationId', { applicationId });
    return fetchPage(qb, query, TIMELINE_LIST);
  }

  /** Enabled caseworkers, of one region when `scope` is set. */
  assigneePage(query: ParsedListQuery, scope: number | null): Promise<ListResult<User>> {
    const qb = this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .where(`u.role = 'caseworker' AND NOT u.disabled`);
    if (scope !== null) qb.andWhere('u.region_id = :scope', { scope });
    return fetchPage(qb, query, ASSIGNEE_LIST);
  }
}
