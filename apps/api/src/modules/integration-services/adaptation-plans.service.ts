import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type AdaptationPlanView, startingPlanItems, todayInKazakhstan } from '@qonys/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthedContext } from '../../common/auth/actor';
import { regionScope } from '../../common/auth/region-scope';
import { coded, DomainError, ErrorKind } from '../../common/errors/domain-error';
import type { ListResult, ParsedListQuery } from '../../common/list/list-query';
import { appendTimelineEvent } from '../../common/timeline';
import { AuditService } from '../audit/audit.service';
import { PersonalDataReads } from '../audit/personal-data-reads.service';
import { type PlanRow, AdaptationPlansRepository } from './adaptation-plans.repository';
import type { AddPlanItemDto, StartPlanDto } from './dto/adaptation-plan.dto';

/**
 * A family's individual adaptation plan (docs/integration-services.md): started from
 * the services chosen at inclusion, run by the region the family settles in, one item
 * per service and member. Every write is audited and on the case's timeline.
 */
@Injectable()
export class AdaptationPlansService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plans: AdaptationPlansRepository,
    private readonly audit: AuditService,
    private readonly reads: PersonalDataReads,
  ) {}

  async list(ctx: AuthedContext, query: ParsedListQuery): Promise<ListResult<PlanRow>> {
    const page = await this.plans.listPage(query, regionScope(ctx.actor, 'adaptation-plans', 'list'));
    await this.reads.workList(ctx, 'adaptation_plan', page.items);
    return page;
  }

  async get(ctx: AuthedContext, id: number): Promise<AdaptationPlanView> {
    const plan = await this.view(this.dataSource.manager, id, regionScope(ctx.actor, 'adaptation-plans', 'show'));
    await this.reads.record(ctx, {
      action: 'work_list.view',
      entityType: 'adaptation_plan',
      entityId: plan.id,
      regionId: plan.regionId,
      personIds: [
        ...(plan.applicantId === null ? [] : [plan.applicantId]),
        ...plan.items.flatMap((item) => (item.personId === null ? [] : [item.personId])),
      ],
    });
    return plan;
  }

  start(ctx: AuthedContext, dto: StartPlanDto): Promise<AdaptationPlanView> {
    return this.dataSource.transaction(async (manager) => {
      const scope = regionScope(ctx.actor, 'adaptation-plans', 'create');
      const source = await this.plans.lockSource(manager, dto.applicationId);
      if (!source) throw DomainError.notFound('application');
      if (source.chosen === null || source.regionId === null) {
        throw DomainError.invalid({ applicationId: 'plan.not_included' });
      }
      if (scope !== null && scope !== source.regionId) throw DomainError.notFound('application');
      const existing = await this.plans.idOfCase(manager, dto.applicationId);
      if (existing !== null) throw new DomainError(ErrorKind.Conflict, 'plan.already_exists', { plan: existing });

      const today = todayInKazakhstan();
      const items = startingPlanItems(
        source.chosen,
        await this.plans.serviceTypesInForce(manager, today),
        source.members,
        today,
      );
      const plan = await this.plans.insertPlan(manager, {
        applicationId: dto.applicationId,
        regionId: source.regionId,
        createdBy: ctx.actor.id,
      });
      await this.plans.insertItems(
        manager,
        plan.id,
        ctx.actor.id,
        items.map((item) => ({ ...item, note: null })),
      );
      await appendTimelineEvent(manager, {
        applicationId: dto.applicationId,
        actorId: ctx.actor.id,
        type: 'updated',
        transition: 'adaptation_plan.create',
        message: coded('timeline.plan_started', { count: items.length }),
        data: { adaptationPlanId: plan.id },
      });
      await this.audit.record(manager, ctx, {
        action: 'adaptation_plan.create',
        entityType: 'adaptation_plan',
        entityId: plan.id,
        regionId: plan.regionId,
        changes: {
          applicationId: { before: null, after: dto.applicationId },
          items: { before: null, after: items.map((i) => `${i.serviceTypeId}:${i.personId ?? 'family'}`) },
        },
      });
      return this.view(manager, plan.id, null);
    });
  }

  addItem(ctx: AuthedContext, planId: number, dto: AddPlanItemDto): Promise<AdaptationPlanView> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await this.plans.findVisible(manager, planId, regionScope(ctx.actor, 'adaptation-plans', 'edit'));
      if (!plan) throw DomainError.notFound('adaptation_plan');
      const today = todayInKazakhstan();
      const inForce = await this.plans.serviceTypesInForce(manager, today);
      if (!inForce.some((type) => type.id === dto.serviceTypeId)) {
        throw DomainError.invalid({ serviceTypeId: 'plan.service_type_not_valid' });
      }
      const personId = dto.personId ?? null;
      if (personId !== null && !(await this.plans.isActiveMember(manager, plan.applicationId, personId))) {
        throw DomainError.invalid({ personId: 'plan.person_not_member' });
      }
      const [itemId] = await this.plans.insertItems(manager, planId, ctx.actor.id, [
        { serviceTypeId: dto.serviceTypeId, personId, note: dto.note || null },
      ]);
      const view = await this.view(manager, planId, null);
      const item = view.items.find((i) => i.id === itemId)!;
      await appendTimelineEvent(manager, {
        applicationId: plan.applicationId,
        actorId: ctx.actor.id,
        type: 'updated',
        transition: 'adaptation_plan.item_add',
        message: coded('timeline.plan_item_added', { service: item.serviceName }),
        data: { adaptationPlanId: planId, planItemId: itemId },
      });
      await this.audit.record(manager, ctx, {
        action: 'adaptation_plan.item_add',
        entityType: 'adaptation_plan',
        entityId: planId,
        regionId: plan.regionId,
        changes: {
          itemId: { before: null, after: itemId },
          serviceTypeId: { before: null, after: dto.serviceTypeId },
          personId: { before: null, after: personId },
        },
      });
      return view;
    });
  }

  private async view(manager: EntityManager, id: number, scope: number | null): Promise<AdaptationPlanView> {
    const plan = await this.plans.findVisible(manager, id, scope);
    if (!plan) throw DomainError.notFound('adaptation_plan');
    return { ...plan, createdAt: plan.createdAt.toISOString(), items: await this.plans.items(manager, id) };
  }
}
