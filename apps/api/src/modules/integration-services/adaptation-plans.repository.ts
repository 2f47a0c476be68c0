import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AdaptationPlanView, AdaptationService, PlanItemView, PlanMember, PlanServiceType } from '@qonys/domain';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { ids, integerEquals } from '../../common/list/filters';
import { fetchPage, ListResult, type ListSpec, type ParsedListQuery } from '../../common/list/list-query';
import { joinCaseNames, withCaseNames } from '../applications/case-names';
import { AdaptationPlan } from './entities/adaptation-plan.entity';

export const PLAN_LIST: ListSpec<AdaptationPlan> = {
  resource: 'adaptation-plans',
  sortable: { id: 'pl.id', createdAt: 'pl.created_at', regionId: 'pl.region_id' },
  defaultSort: ['id', 'DESC'],
  filters: {
    id: ids('pl.id'),
    applicationId: integerEquals('pl.application_id', 1),
    regionId: integerEquals('pl.region_id', 1),
  },
};

/** What starting a plan needs to know of a case. */
export interface PlanSource {
  applicationId: number;
  /** The included inclusion request's service choices; null when the family is not included. */
  chosen: AdaptationService[] | null;
  /** Where the family settles (its live settlement, else the including region). */
  regionId: number | null;
  members: PlanMember[];
}

/** A plan item as a referral needs it. */
export interface PlanItemForReferral {
  id: number;
  planId: number;
  applicationId: number;
  regionId: number;
  serviceTypeId: number;
  personId: number | null;
  responseWorkingDays: number;
}

export type PlanRow = Omit<AdaptationPlanView, 'items' | 'createdAt'> & { createdAt: Date };

@Injectable()
export class AdaptationPlansRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async listPage(query: ParsedListQuery, scope: number | null): Promise<ListResult<PlanRow>> {
    const page = await fetchPage(this.visible(this.dataSource.manager, scope), query, PLAN_LIST);
    return new ListResult(page.resource, page.items.map(withCaseNames), page.start, page.total);
  }

  async findVisible(manager: EntityManager, id: number, scope: number | null): Promise<PlanRow | null> {
    const row = await this.visible(manager, scope).andWhere('pl.id = :id', { id }).getOne();
    return row ? withCaseNames(row) : null;
  }

  async idOfCase(manager: EntityManager, applicationId: number): Promise<number | null> {
    const [row] = await manager.query<{ id: number }[]>('SELECT id FROM adaptation_plan WHERE application_id = $1', [
      applicationId,
    ]);
    return row?.id ?? null;
  }

  /** The case locked for starting its plan (two starts wait for each other), or null when there is none. */
  async lockSource(manager: EntityManager, applicationId: number): Promise<PlanSource | null> {
    const [row] = await manager.query<{ id: number; chosen: AdaptationService[] | null; region_id: number | null }[]>(
      `SELECT a.id,
              (SELECT ir.adaptation_services FROM inclusion_request ir
                WHERE ir.application_id = a.id AND ir.status = 'included') AS chosen,
              COALESCE((SELECT s.region_id FROM settlement s
                         WHERE s.application_id = a.id AND s.status <> 'cancelled' ORDER BY s.id DESC LIMIT 1),
                       (SELECT ir.region_id FROM inclusion_request ir
                         WHERE ir.application_id = a.id AND ir.status = 'included')) AS region_id
         FROM application a WHERE a.id = $1 FOR UPDATE OF a`,
      [applicationId],
    );
    if (!row) return null;
    const members = await manager.query<{ personId: number; birthDate: string }[]>(
      `SELECT m.person_id AS "personId", to_char(p.birth_date, 'YYYY-MM-DD') AS "birthDate"
         FROM application_member m JOIN person p ON p.id = m.person_id
        WHERE m.application_id = $1 AND m.active ORDER BY p.birth_date, m.person_id`,
      [applicationId],
    );
    return { applicationId: row.id, chosen: row.chosen, regionId: row.region_id, members };
  }

  /** Service types in force on `day`, in their group's order. */
  serviceTypesInForce(manager: EntityManager, day: string): Promise<PlanServiceType[]> {
    return manager.query<PlanServiceType[]>(
      `SELECT id, audience, inclusion_service AS "inclusionService" FROM service_type
        WHERE (valid_from IS NULL OR valid_from <= $1) AND (valid_to IS NULL OR valid_to >= $1)
        ORDER BY service_group, id`,
      [day],
    );
  }

  async isActiveMember(manager: EntityManager, applicationId: number, personId: number): Promise<boolean> {
    const rows = await manager.query(
      'SELECT 1 FROM application_member WHERE application_id = $1 AND person_id = $2 AND active',
      [applicationId, personId],
    );
    return rows.length > 0;
  }

  async insertPlan(manager: EntityManager, values: Pick<AdaptationPlan, 'applicationId' | 'regionId' | 'createdBy'>) {
    const repo = manager.getRepository(AdaptationPlan);
    return repo.save(repo.create(values));
  }

  /** Adds items in one statement; returns their ids in order. */
  async insertItems(
    manager: EntityManager,
    planId: number,
    createdBy: number,
    items: { serviceTypeId: number; personId: number | null; note: string | null }[],
  ): Promise<number[]> {
    if (items.length === 0) return [];
    const rows = await manager.query<{ id: number }[]>(
      `INSERT INTO adaptation_plan_item (plan_id, service_type_id, person_id, note, created_by)
       SELECT $1, t.type_id, t.person_id, t.note, $2
         FROM unnest($3::int[], $4::int[], $5::varchar[]) WITH ORDINALITY AS t(type_id, person_id, note, n)
        ORDER BY t.n
       RETURNING id`,
      [planId, createdBy, items.map((i) => i.serviceTypeId), items.map((i) => i.personId), items.map((i) => i.note)],
    );
    return rows.map((r) => r.id);
  }

  /** The plan's items with names and each item's live or latest referral: one query. */
  items(manager: EntityManager, planId: number): Promise<PlanItemView[]> {
    return manager.query<PlanItemView[]>(
      `SELECT i.id, i.service_type_id AS "serviceTypeId",
              json_build_object('kk', st.name_kk, 'ru', st.name_ru, 'en', st.name_en) AS "serviceName",
              i.person_id AS "personId",
              CASE WHEN p.id IS NULL THEN NULL ELSE p.surname || ' ' || p.given_name END AS "personName",
              i.note, i.created_at AS "createdAt",
              (SELECT json_build_object('id', r.id, 'state', r.state, 'providerId', r.provider_id,
                                        'providerName', sp.name, 'period', to_char(r.period, 'YYYY-MM'), 'version', r.version)
                 FROM referral r JOIN service_provider sp ON sp.id = r.provider_id
                WHERE r.plan_item_id = i.id ORDER BY r.id DESC LIMIT 1) AS referral
         FROM adaptation_plan_item i
         JOIN service_type st ON st.id = i.service_type_id
         LEFT JOIN person p ON p.id = i.person_id
        WHERE i.plan_id = $1 ORDER BY i.id`,
      [planId],
    );
  }

  /** A plan item with what a referral from it needs, or null when there is none. */
  async itemForReferral(manager: EntityManager, itemId: number): Promise<PlanItemForReferral | null> {
    const [row] = await manager.query<PlanItemForReferral[]>(
      `SELECT i.id, i.plan_id AS "planId", pl.application_id AS "applicationId", pl.region_id AS "regionId",
              i.service_type_id AS "serviceTypeId", i.person_id AS "personId",
              st.response_working_days AS "responseWorkingDays"
         FROM adaptation_plan_item i
         JOIN adaptation_plan pl ON pl.id = i.plan_id
         JOIN service_type st ON st.id = i.service_type_id
        WHERE i.id = $1 FOR UPDATE OF i`,
      [itemId],
    );
    return row ?? null;
  }

  private visible(manager: EntityManager, scope: number | null): SelectQueryBuilder<AdaptationPlan> {
    const qb = joinCaseNames(manager.getRepository(AdaptationPlan).createQueryBuilder('pl'), 'pl.application_id');
    return scope === null ? qb : qb.andWhere('pl.region_id = :scopeRegion', { scopeRegion: scope });
  }
}
