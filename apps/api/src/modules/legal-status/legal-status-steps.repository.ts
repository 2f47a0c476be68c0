import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type CaseNames, LEGAL_STEP_KINDS, LEGAL_STEP_STATES, type LegalStepKind } from '@qonys/domain';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { dateFrom, dateTo, ids, integerEquals, oneOf } from '../../common/list/filters';
import { fetchPage, ListResult, type ListSpec, type ParsedListQuery } from '../../common/list/list-query';
import { joinCaseNames, withCaseNames } from '../applications/case-names';
import { Application } from '../applications/entities/application.entity';
import { Person } from '../persons/entities/person.entity';
import { LegalStatusStep } from './entities/legal-status-step.entity';

export const LEGAL_STEP_LIST: ListSpec<LegalStatusStep> = {
  resource: 'legal-status-steps',
  sortable: { id: 's.id', appliedOn: 's.applied_on', decidedOn: 's.decided_on', state: 's.state', kind: 's.kind' },
  defaultSort: ['id', 'DESC'],
  filters: {
    id: ids('s.id'),
    applicationId: integerEquals('s.application_id', 1),
    personId: integerEquals('s.person_id', 1),
    kind: oneOf('s.kind', LEGAL_STEP_KINDS),
    state: oneOf('s.state', LEGAL_STEP_STATES),
    appliedFrom: dateFrom('s.applied_on'),
    appliedTo: dateTo('s.applied_on'),
  },
};

/** A step as the API shows it: with its case, the case's region and the member's name. */
export type LegalStatusStepView = LegalStatusStep & CaseNames & { regionId: number | null; memberName: string | null };

interface Joined {
  member?: Pick<Person, 'surname' | 'givenName'> | null;
  namedCase?: Pick<Application, 'regionId'> | null;
}

function toView(row: LegalStatusStep): LegalStatusStepView {
  const regionId = (row as LegalStatusStep & Joined).namedCase?.regionId ?? null;
  const { member, ...rest } = withCaseNames(row as LegalStatusStep & Joined);
  return { ...rest, regionId, memberName: member ? `${member.surname} ${member.givenName}` : null };
}

/** Steps scoped by their case's region. `scope`: a region, or null for all. */
@Injectable()
export class LegalStatusStepsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async listPage(query: ParsedListQuery, scope: number | null): Promise<ListResult<LegalStatusStepView>> {
    const page = await fetchPage(this.visible(this.dataSource.manager, scope), query, LEGAL_STEP_LIST);
    return new ListResult(page.resource, page.items.map(toView), page.start, page.total);
  }

  async findVisible(manager: EntityManager, id: number, scope: number | null): Promise<LegalStatusStepView | null> {
    const row = await this.visible(manager, scope).andWhere('s.id = :id', { id }).getOne();
    return row ? toView(row) : null;
  }

  private visible(manager: EntityManager, scope: number | null): SelectQueryBuilder<LegalStatusStep> {
    const qb = joinCaseNames(
      manager.getRepository(LegalStatusStep).createQueryBuilder('s'),
      's.application_id',
    ).leftJoinAndMapOne('s.member', Person, 'member', 'member.id = s.person_id');
    return scope === null ? qb : qb.andWhere('named_case.region_id = :scopeRegion', { scopeRegion: scope });
  }

  /** The case, locked for the rest of the transaction, when the scope reaches it: steps of one case go one at a time. */
  lockCase(manager: EntityManager, applicationId: number, scope: number | null): Promise<Application | null> {
    const qb = manager
      .getRepository(Application)
      .createQueryBuilder('a')
      .where('a.id = :applicationId', { applicationId })
      .setLock('pessimistic_write');
    if (scope !== null) qb.andWhere('a.region_id = :scope', { scope });
    return qb.getOne();
  }

  /** The case a step belongs to, when the scope reaches it (before locking it). */
  async caseOfStep(manager: EntityManager, id: number, scope: number | null): Promise<number | null> {
    const [row] = await manager.query<{ applicationId: number }[]>(
      `SELECT s.application_id AS "applicationId" FROM legal_status_step s JOIN application a ON a.id = s.application_id
        WHERE s.id = $1 AND ($2::int IS NULL OR a.region_id = $2::int)`,
      [id, scope],
    );
    return row?.applicationId ?? null;
  }

  lockStep(manager: EntityManager, id: number): Promise<LegalStatusStep | null> {
    return manager
      .getRepository(LegalStatusStep)
      .createQueryBuilder('s')
      .where('s.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
  }

  async isActiveMember(manager: EntityManager, applicationId: number, personId: number): Promise<boolean> {
    const [row] = await manager.query<{ found: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM application_member WHERE application_id = $1 AND person_id = $2 AND active) AS found`,
      [applicationId, personId],
    );
    return row.found;
  }

  /** The person's step of this kind that is open or granted, if any. */
  async holding(manager: EntityManager, personId: number, kind: LegalStepKind): Promise<number | null> {
    const [row] = await manager.query<{ id: number }[]>(
      `SELECT id FROM legal_status_step WHERE person_id = $1 AND kind = $2 AND state IN ('applied', 'granted') LIMIT 1`,
      [personId, kind],
    );
    return row?.id ?? null;
  }

  /** For each active member of the case, the day they were granted citizenship, or null. */
  async citizenshipOfMembers(manager: EntityManager, applicationId: number): Promise<(string | null)[]> {
    const rows = await manager.query<{ grantedOn: string | null }[]>(
      `SELECT (SELECT to_char(s.decided_on, 'YYYY-MM-DD') FROM legal_status_step s
                WHERE s.person_id = m.person_id AND s.kind = 'citizenship' AND s.state = 'granted') AS "grantedOn"
         FROM application_member m WHERE m.application_id = $1 AND m.active`,
      [applicationId],
    );
    return rows.map((row) => row.grantedOn);
  }

  async insert(manager: EntityManager, row: Partial<LegalStatusStep>): Promise<LegalStatusStep> {
    const { identifiers } = await manager.getRepository(LegalStatusStep).insert(row);
    return manager.getRepository(LegalStatusStep).findOneByOrFail({ id: identifiers[0].id as number });
  }
}
