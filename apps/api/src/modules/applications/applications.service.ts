import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addPeriod,
  type ApplicationDetail,
  type ApplicationRow,
  isRestrictedPerson,
  isTerminal,
  todayInKazakhstan,
} from '@qonys/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor, AuthedContext } from '../../common/auth/actor';
import { inScope, regionScope } from '../../common/auth/region-scope';
import { DomainError, ErrorKind } from '../../common/errors/domain-error';
import { ListResult, type ParsedListQuery } from '../../common/list/list-query';
import { updateVersioned } from '../../common/persistence/versioned-update';
import { AuditService, diff } from '../audit/audit.service';
import { PersonalDataReads } from '../audit/personal-data-reads.service';
import { StaffNotifier } from '../notifications/staff-notifier';
import { CalendarService } from '../reference-data/calendar.service';
import {
  checkPersons,
  personName,
  refuseActiveMemberships,
  requireCaseworkerOfRegion,
  translateMembershipRace,
} from './application-rules';
import {
  applicantReadable,
  type DeadlineClock,
  memberViews,
  type TimelineEventView,
  toRow,
  transitionViews,
} from './application-view';
import { dueSoonBefore, type QueueParameters } from './application-filters';
import type { ListRows } from '../exports/exports.service';
import { ApplicationsRepository } from './applications.repository';
import type { CreateApplicationDto, MemberDto, UpdateApplicationDto } from './dto/application.dto';
import { Application } from './entities/application.entity';
import { appendTimelineEvent } from '../../common/timeline';
import { timelinePersonIds, withoutUnreadableNames } from './timeline-persons';

const EDITABLE_FIELDS = ['channel', 'correspondenceLanguage', 'assignedToId'];
const CREATED_FIELDS = ['status', 'channel', 'correspondenceLanguage', 'regionId', 'assignedToId', 'applicantId'];

/**
 * The case: intake, reads, edits, notes and the timeline. The family's changes are in
 * ApplicationMembersService, assignment in ApplicationAssignmentService, the state
 * machine in ApplicationTransitionsService.
 */
@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: ApplicationsRepository,
    private readonly calendar: CalendarService,
    private readonly audit: AuditService,
    private readonly reads: PersonalDataReads,
    private readonly notifier: StaffNotifier,
  ) {}

  /** Today and the holiday rules, once per request and before any transaction (see STACK-NOTES on PGlite). */
  async clock(): Promise<DeadlineClock> {
    return { today: todayInKazakhstan(), rules: await this.calendar.holidayRules() };
  }

  /**
   * The last validity date whose extension window is open today: a status ending on or
   * before it may be extended now (the editable setting `status_extension_window`).
   */
  private async extensionWindowEnd(today: string): Promise<string> {
    const window = await this.applications.deadlineSetting(this.dataSource.manager, 'status_extension_window', today);
    // Without the setting (an admin closed it) no window is open: the queue holds statuses ending today.
    if (!window || (window.unit !== 'months' && window.unit !== 'years')) return today;
    return addPeriod(today, window.amount, window.unit);
  }

  /** A page of cases: their applicants' names are read, on one `application.list` entry. */
  async list(ctx: AuthedContext, query: ParsedListQuery): Promise<ListResult<ApplicationRow<Date>>> {
    const clock = await this.clock();
    const scope = regionScope(ctx.actor, 'applications', 'list');
    const personScope = regionScope(ctx.actor, 'persons', 'show');
    const page = await this.applications.listPage(query, scope, await this.queueParameters(ctx, clock));
    await this.reads.record(ctx, {
      action: 'application.list',
      regionId: scope,
      personIds: page.items.filter((a) => applicantReadable(a, personScope)).map((a) => a.applicantId),
    });
    return page.withItems(page.items.map((a) => toRow(a, clock, personScope)));
  }

  /**
   * Every case of the list (its filters, sort and scope) for an export: rows as the list
   * shows them, each batch naming the applicants whose names it holds.
   */
  exportRows(ctx: AuthedContext, query: ParsedListQuery): ListRows {
    const scope = regionScope(ctx.actor, 'applications', 'list');
    const personScope = regionScope(ctx.actor, 'persons', 'show');
    const setup = (async () => {
      const clock = await this.clock();
      return { clock, parameters: await this.queueParameters(ctx, clock) };
    })();
    const applications = this.applications;
    return {
      count: async (cap) => applications.exportCount(query, scope, (await setup).parameters, cap),
      async *batches() {
        const { clock, parameters } = await setup;
        for await (const batch of applications.exportBatches(query, scope, parameters)) {
          yield {
            rows: batch.map((a) => toRow(a, clock, personScope)),
            personIds: batch.filter((a) => applicantReadable(a, personScope)).map((a) => a.applicantId),
          };
        }
      },
    };
  }

  private async queueParameters(ctx: AuthedContext, clock: DeadlineClock): Promise<QueueParameters> {
    return {
      queueUserId: ctx.actor.id,
      queueToday: clock.today,
      queueDueSoonBefore: dueSoonBefore(clock.today, clock.rules),
      queueExpiringBy: await this.extensionWindowEnd(clock.today),
    };
  }

  /** The case page: its members' names, birth dates and IINs are read, on one `application.view` entry. */
  async get(ctx: AuthedContext, id: number): Promise<ApplicationDetail<Date>> {
    const clock = await this.clock();
    const detail = await this.detail(
      this.dataSource.manager,
      id,
      ctx.actor,
      clock,
      regionScope(ctx.actor, 'applications', 'show'),
    );
    await this.reads.record(ctx, {
      action: 'application.view',
      entityType: 'application',
      entityId: id,
      regionId: detail.regionId,
      personIds: detail.members.filter((m) => !isRestrictedPerson(m.person)).map((m) => m.personId),
    });
    return detail;
  }

  /** The case as GET /applications/:id shows it; 404 outside `scope`. */
  async detail(
    manager: EntityManager,
    id: number,
    actor: Actor,
    clock: DeadlineClock,
    scope: number | null = null,
  ): Promise<ApplicationDetail<Date>> {
    const application = await this.applications.findInScope(manager, id, scope);
    if (!application) throw DomainError.notFound('application');
    const personScope = regionScope(actor, 'persons', 'show');
    return {
      ...toRow(application, clock, personScope),
      members: memberViews(await this.applications.membersWithPersons(manager, id), personScope),
      availableTransitions: transitionViews(application.status, actor.role),
      certificate: await this.applications.certificateOf(manager, id),
    };
  }

  async create(ctx: AuthedContext, dto: CreateApplicationDto): Promise<ApplicationDetail<Date>> {
    const clock = await this.clock();
    const members = familyOf(dto);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const regionId = await this.regionForNewCase(manager, ctx.actor, dto.regionId ?? null);
        const personIds = members.map((m) => m.personId);
        const found = await this.applications.personsByIds(manager, personIds);
        const personScope = regionScope(ctx.actor, 'persons', 'show');
        checkPersons([dto.applicantId], found, personScope, 'applicantId');
        const persons = checkPersons(personIds, found, personScope, 'members');
        refuseActiveMemberships(await this.applications.activeMemberships(manager, personIds, null), 'members');
        if (dto.assignedToId) {
          requireCaseworkerOfRegion(await this.applications.isCaseworkerOf(manager, dto.assignedToId, regionId));
        }

        const id = await this.applications.insertApplication(manager, {
          channel: dto.channel,
          correspondenceLanguage: dto.correspondenceLanguage ?? 'kk',
          regionId,
          applicantId: dto.applicantId,
          assignedToId: dto.assignedToId ?? null,
          createdBy: ctx.actor.id,
        });
        await this.applications.insertMembers(manager, id, members);
        const line = await appendTimelineEvent(manager, {
          applicationId: id,
          actorId: ctx.actor.id,
          type: 'created',
          toStatus: 'draft',
          data: {
            channel: dto.channel,
            assignedToId: dto.assignedToId ?? null,
            members: members.map((m) => ({ ...m, name: personName(persons.get(m.personId)) })),
          },
        });
        await this.notifier.caseAssigned(manager, ctx.actor.id, dto.assignedToId ?? null, [
          { applicationId: id, timelineEventId: line.id },
        ]);
        const created = await manager.getRepository(Application).findOneByOrFail({ id });
        await this.audit.record(manager, ctx, {
          action: 'application.create',
          entityType: 'application',
          entityId: id,
          regionId,
          changes: { ...diff(null, created, CREATED_FIELDS), members: { before: null, after: members } },
        });
        return this.detail(manager, id, ctx.actor, clock);
      });
    } catch (error) {
      throw translateMembershipRace(error, 'members');
    }
  }

  async update(ctx: AuthedContext, id: number, dto: UpdateApplicationDto): Promise<ApplicationDetail<Date>> {
    const clock = await this.clock();
    return this.dataSource.transaction(async (manager) => {
      const scope = regionScope(ctx.actor, 'applications', 'edit');
      const before = await this.applications.findInScope(manager, id, scope, { lock: true });
      if (!before) throw DomainError.notFound('application');
      if (before.version !== dto.version) throw DomainError.stale('application');
      if (isTerminal(before.status)) {
        throw new DomainError(ErrorKind.Conflict, 'application.closed', { status: before.status });
      }
      const assignedToId = dto.assignedToId === undefined ? before.assignedToId : dto.assignedToId;
      if (assignedToId !== null && assignedToId !== before.assignedToId) {
        requireCaseworkerOfRegion(await this.applications.isCaseworkerOf(manager, assignedToId, before.regionId));
      }
      const after = await updateVersioned(manager, Application, 'application', id, dto.version, {
        channel: dto.channel,
        correspondenceLanguage: dto.correspondenceLanguage ?? before.correspondenceLanguage,
        assignedToId,
      });
      const changes = diff(before, after, EDITABLE_FIELDS);
      if (changes.channel) {
        await appendTimelineEvent(manager, {
          applicationId: id,
          actorId: ctx.actor.id,
          type: 'updated',
          data: { channel: changes.channel },
        });
      }
      if (changes.assignedToId) {
        const line = await appendTimelineEvent(manager, {
          applicationId: id,
          actorId: ctx.actor.id,
          type: 'assignment',
          data: { assignedToId: changes.assignedToId },
        });
        await this.notifier.caseAssigned(manager, ctx.actor.id, assignedToId, [
          { applicationId: id, timelineEventId: line.id },
        ]);
      }
      await this.audit.record(manager, ctx, {
        action: 'application.update',
        entityType: 'application',
        entityId: id,
        regionId: after.regionId,
        changes,
      });
      return this.detail(manager, id, ctx.actor, clock);
    });
  }

  /** A note on the timeline, at any stage of the case. */
  async addNote(ctx: AuthedContext, id: number, comment: string): Promise<TimelineEventView> {
    return this.dataSource.transaction(async (manager) => {
      const application = await this.applications.findInScope(
        manager,
        id,
        regionScope(ctx.actor, 'applications', 'edit'),
      );
      if (!application) throw DomainError.notFound('application');
      const event = await appendTimelineEvent(manager, {
        applicationId: id,
        actorId: ctx.actor.id,
        type: 'note',
        comment,
      });
      await this.audit.record(manager, ctx, {
        action: 'application.note',
        entityType: 'application',
        entityId: id,
        regionId: application.regionId,
        changes: { note: { before: null, after: comment } },
      });
      return {
        id: event.id,
        applicationId: id,
        occurredAt: event.occurredAt,
        type: 'note',
        transition: null,
        fromStatus: null,
        toStatus: null,
        comment,
        data: null,
        actorId: ctx.actor.id,
        actorUsername: ctx.actor.username,
        actorFullName: null,
      };
    });
  }

  /** A page of the case's history: the persons its lines name are read, on one `application.timeline_view` entry. */
  async timeline(ctx: AuthedContext, id: number, query: ParsedListQuery): Promise<ListResult<TimelineEventView>> {
    const scope = regionScope(ctx.actor, 'applications', 'show');
    const application = await this.applications.findInScope(this.dataSource.manager, id, scope);
    if (!application) throw DomainError.notFound('application');
    const page = await this.applications.timelinePage(id, query);
    const named = [...new Set(timelinePersonIds(page.items.map((e) => e.data)))];
    const personScope = regionScope(ctx.actor, 'persons', 'show');
    const readable = new Set(
      (await this.applications.personsByIds(this.dataSource.manager, named))
        .filter((p) => inScope(personScope, p.regionId))
        .map((p) => p.id),
    );
    await this.reads.record(ctx, {
      action: 'application.timeline_view',
      entityType: 'application',
      entityId: id,
      regionId: application.regionId,
      personIds: readable,
    });
    const items = page.items.map((e): TimelineEventView => ({
      id: String(e.id),
      applicationId: e.applicationId,
      occurredAt: e.occurredAt,
      type: e.type,
      transition: e.transition,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      comment: e.comment,
      data: withoutUnreadableNames(e.data, readable),
      actorId: e.actorId,
      actorUsername: e.actor?.username ?? null,
      actorFullName: e.actor?.fullName ?? null,
    }));
    return new ListResult(page.resource, items, page.start, page.total);
  }

  /** Admins name the region; region-scoped callers file in their own and may not name one. */
  private async regionForNewCase(manager: EntityManager, actor: Actor, requested: number | null): Promise<number> {
    const scope = regionScope(actor, 'applications', 'create');
    if (scope !== null) {
      if (requested !== null) throw DomainError.invalid({ regionId: 'region.from_account' });
      return scope;
    }
    if (requested === null) {
      throw DomainError.invalid({ regionId: 'region.choose' });
    }
    if (!(await this.applications.regionExists(manager, requested))) {
      throw DomainError.invalid({ regionId: 'region.not_found' });
    }
    return requested;
  }
}

/** The members of a new case: the applicant first, added with relation "applicant" when not listed. */
function familyOf(dto: CreateApplicationDto): MemberDto[] {
  const listed = dto.members ?? [];
  const seen = new Set<number>();
  for (const [i, member] of listed.entries()) {
    if (seen.has(member.personId))
      throw DomainError.invalid({ [`members.${i}.personId`]: 'application.person_listed_twice' });
    seen.add(member.personId);
    const isApplicant = member.personId === dto.applicantId;
    if (isApplicant !== (member.relation === 'applicant')) {
      throw DomainError.invalid({
        [`members.${i}.relation`]: isApplicant
          ? 'application.applicant_relation'
          : 'application.only_applicant_relation',
      });
    }
  }
  const applicant = listed.find((m) => m.personId === dto.applicantId) ?? {
    personId: dto.applicantId,
    relation: 'applicant' as const,
  };
  return [applicant, ...listed.filter((m) => m !== applicant)];
}
