import { type ApplicationDetail } from '@qonys/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor, AuthedContext } from '../../common/auth/actor';
import { regionScope } from '../../common/auth/region-scope';
import { DomainError, ErrorKind } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { checkPersons, personName, refuseActiveMemberships, translateMembershipRace } from './application-rules';
import { ApplicationsRepository } from './applications.repository';
import { ApplicationsService } from './applications.service';
import type { AddMemberDto } from './dto/application.dto';
import type { Application } from './entities/application.entity';
import { appendTimelineEvent } from '../../common/timeline';

/** The family of a draft case: members join or leave only before submission. */
@Injectable()
export class ApplicationMembersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: ApplicationsRepository,
    private readonly cases: ApplicationsService,
    private readonly audit: AuditService,
  ) {}

  async add(ctx: AuthedContext, id: number, dto: AddMemberDto): Promise<ApplicationDetail<Date>> {
    const clock = await this.cases.clock();
    try {
      return await this.dataSource.transaction(async (manager) => {
        const application = await this.draftInScope(manager, ctx.actor, id);
        if (dto.relation === 'applicant') {
          throw DomainError.invalid({ relation: 'application.one_applicant' });
        }
        const persons = checkPersons(
          [dto.personId],
          await this.applications.personsByIds(manager, [dto.personId]),
          regionScope(ctx.actor, 'persons', 'show'),
          'personId',
        );
        const memberships = await this.applications.activeMemberships(manager, [dto.personId], null);
        if (memberships.some((m) => m.applicationId === id)) {
          throw new DomainError(ErrorKind.Conflict, 'application.already_member', {}, { personId: 'application.already_member' });
        }
        refuseActiveMemberships(memberships, 'personId');
        await this.applications.insertMembers(manager, id, [dto]);
        await this.applications.bumpVersion(manager, id);
        await appendTimelineEvent(manager, {
          applicationId: id,
          actorId: ctx.actor.id,
          type: 'member',
          data: {
            added: { personId: dto.personId, relation: dto.relation, name: personName(persons.get(dto.personId)) },
          },
        });
        await this.audit.record(manager, ctx, {
          action: 'application.member_add',
          entityType: 'application',
          entityId: id,
          regionId: application.regionId,
          changes: { member: { before: null, after: { personId: dto.personId, relation: dto.relation } } },
        });
        return this.cases.detail(manager, id, ctx.actor, clock);
      });
    } catch (error) {
      throw translateMembershipRace(error, 'personId');
    }
  }

  async remove(ctx: AuthedContext, id: number, personId: number): Promise<ApplicationDetail<Date>> {
    const clock = await this.cases.clock();
    return this.dataSource.transaction(async (manager) => {
      const application = await this.draftInScope(manager, ctx.actor, id);
      if (personId === application.applicantId) {
        throw new DomainError(ErrorKind.Conflict, 'application.applicant_cannot_leave');
      }
      const member = (await this.applications.membersWithPersons(manager, id)).find((m) => m.personId === personId);
      if (!member || !(await this.applications.deleteMember(manager, id, personId)))
        throw DomainError.notFound('member');
      await this.applications.bumpVersion(manager, id);
      await appendTimelineEvent(manager, {
        applicationId: id,
        actorId: ctx.actor.id,
        type: 'member',
        data: { removed: { personId, relation: member.relation, name: personName(member.person) } },
      });
      await this.audit.record(manager, ctx, {
        action: 'application.member_remove',
        entityType: 'application',
        entityId: id,
        regionId: application.regionId,
        changes: { member: { before: { personId, relation: member.relation }, after: null } },
      });
      return this.cases.detail(manager, id, ctx.actor, clock);
    });
  }

  private async draftInScope(manager: EntityManager, actor: Actor, id: number): Promise<Application> {
    const scope = regionScope(actor, 'applications', 'edit');
    const application = await this.applications.findInScope(manager, id, scope, { lock: true });
    if (!application) throw DomainError.notFound('application');
    if (application.status !== 'draft') {
      throw new DomainError(ErrorKind.Conflict, 'application.family_draft_only');
    }
    return application;
  }
}
