import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { todayInKazakhstan } from '@qonys/domain';
import type { DataSource } from 'typeorm';
import type { AuthedContext, RequestContext } from '../../common/auth/actor';
import { regionScope } from '../../common/auth/region-scope';
import { coded, DomainError, ErrorKind } from '../../common/errors/domain-error';
import type { ListResult, ParsedListQuery } from '../../common/list/list-query';
import { updateVersioned } from '../../common/persistence/versioned-update';
import { appendTimelineEvent } from '../../common/timeline';
import { AuditService, diff } from '../audit/audit.service';
import { PersonalDataReads } from '../audit/personal-data-reads.service';
import type { JobProgress } from '../jobs/job-handler';
import type { RecordFollowUpDto } from './dto/follow-up.dto';
import { OutcomeFollowUp } from './entities/outcome-follow-up.entity';
import { type FollowUpView, FollowUpsRepository } from './follow-ups.repository';

const RECORDED = ['state', 'employment', 'employmentRoute', 'languageLevel', 'schooling', 'housing', 'note', 'doneBy'];

/** The scheduler, not a staff member, creates the follow-ups. */
const FOLLOW_UP_CONTEXT: RequestContext = { actor: null, requestId: 'outcome-follow-ups', ip: null };

/**
 * Outcome follow-ups (docs/integration-services.md, Follow-ups): due 3, 6 and 12 months
 * after a family's arrival (dated settings), created by the daily job, recorded by the
 * staff of the region the family lives in.
 */
@Injectable()
export class FollowUpsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly followUps: FollowUpsRepository,
    private readonly audit: AuditService,
    private readonly reads: PersonalDataReads,
  ) {}

  async list(ctx: AuthedContext, query: ParsedListQuery): Promise<ListResult<FollowUpView>> {
    const page = await this.followUps.listPage(query, regionScope(ctx.actor, 'follow-ups', 'list'));
    await this.reads.workList(ctx, 'outcome_follow_up', page.items);
    return page;
  }

  async get(ctx: AuthedContext, id: number): Promise<FollowUpView> {
    const row = await this.followUps.findVisible(
      this.dataSource.manager,
      id,
      regionScope(ctx.actor, 'follow-ups', 'show'),
    );
    if (!row) throw DomainError.notFound('outcome_follow_up');
    await this.reads.workList(ctx, 'outcome_follow_up', [row]);
    return row;
  }

  record(ctx: AuthedContext, id: number, dto: RecordFollowUpDto): Promise<FollowUpView> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.followUps.findVisible(manager, id, regionScope(ctx.actor, 'follow-ups', 'edit'));
      if (!before) throw DomainError.notFound('outcome_follow_up');
      if (before.state === 'done') throw new DomainError(ErrorKind.Conflict, 'follow_up.already_done');
      const working = dto.employment === 'employed' || dto.employment === 'self_employed';
      const after = await updateVersioned(manager, OutcomeFollowUp, 'outcome_follow_up', id, dto.version, {
        state: 'done',
        employment: dto.employment,
        employmentRoute: working ? (dto.employmentRoute ?? null) : null,
        languageLevel: dto.languageLevel,
        schooling: dto.schooling,
        housing: dto.housing,
        note: dto.note || null,
        doneAt: new Date(),
        doneBy: ctx.actor.id,
      });
      await appendTimelineEvent(manager, {
        applicationId: after.applicationId,
        actorId: ctx.actor.id,
        type: 'updated',
        transition: 'outcome_follow_up.record',
        message: coded('timeline.follow_up_recorded', { round: after.round }),
        data: { followUpId: id },
      });
      await this.audit.record(manager, ctx, {
        action: 'outcome_follow_up.record',
        entityType: 'outcome_follow_up',
        entityId: id,
        regionId: after.regionId,
        changes: diff(before, after, RECORDED),
      });
      return (await this.followUps.findVisible(manager, id, null))!;
    });
  }

  /** The job's work: every follow-up arrived families have reached by today, in one statement. */
  async createDue(progress?: JobProgress, today = todayInKazakhstan()): Promise<{ created: number }> {
    const months = await this.followUps.monthsInForce(today);
    if (months === null) throw new DomainError(ErrorKind.Conflict, 'follow_up.schedule_missing');
    await progress?.phase('follow_ups.phase_creating', await this.followUps.countDue(today, months));
    const created = await this.dataSource.transaction(async (manager) => {
      const rows = await this.followUps.createDue(manager, today, months);
      if (rows.length > 0) {
        await this.audit.record(manager, FOLLOW_UP_CONTEXT, {
          action: 'outcome_follow_up.create',
          entityType: 'outcome_follow_up',
          changes: {
            created: { before: null, after: rows.length },
            followUpIds: { before: null, after: rows.map((row) => row.id) },
          },
        });
      }
      return rows.length;
    });
    await progress?.advance(created);
    return { created };
  }
}
