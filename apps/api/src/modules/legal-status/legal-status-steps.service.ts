import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CASE_STATUSES_WITH_LEGAL_STEPS, type MessageCode, statusEndDate, todayInKazakhstan } from '@qonys/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthedContext } from '../../common/auth/actor';
import { regionScope } from '../../common/auth/region-scope';
import { coded, DomainError, ErrorKind } from '../../common/errors/domain-error';
import type { ListResult, ParsedListQuery } from '../../common/list/list-query';
import { updateVersioned } from '../../common/persistence/versioned-update';
import { appendTimelineEvent } from '../../common/timeline';
import { StatusEndingsService } from '../applications/status-endings.service';
import { AuditService, diff } from '../audit/audit.service';
import { PersonalDataReads } from '../audit/personal-data-reads.service';
import { SupportPaymentsService } from '../support-payments/support-payments.service';
import type { CreateLegalStatusStepDto, DecideLegalStatusStepDto } from './dto/legal-status-step.dto';
import { LegalStatusStep } from './entities/legal-status-step.entity';
import { type LegalStatusStepView, LegalStatusStepsRepository } from './legal-status-steps.repository';

const FIELDS = ['applicationId', 'personId', 'kind', 'state', 'appliedOn', 'authority', 'decidedOn', 'reference'];

const TIMELINE: Record<LegalStatusStep['state'], MessageCode> = {
  applied: 'timeline.legal_step_applied',
  granted: 'timeline.legal_step_granted',
  refused: 'timeline.legal_step_refused',
};

/**
 * Permanent residence and citizenship after the status (docs/legal-status.md): a
 * member's application and its decision, recorded by the staff of the case's region.
 * Citizenship granted to the last member who lacked it ends the family's status: the
 * case closes (naturalised) and its payments not yet due stop, in the same transaction.
 */
@Injectable()
export class LegalStatusStepsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly steps: LegalStatusStepsRepository,
    private readonly endings: StatusEndingsService,
    private readonly payments: SupportPaymentsService,
    private readonly audit: AuditService,
    private readonly reads: PersonalDataReads,
  ) {}

  async list(ctx: AuthedContext, query: ParsedListQuery): Promise<ListResult<LegalStatusStepView>> {
    const page = await this.steps.listPage(query, regionScope(ctx.actor, 'legal-status-steps', 'list'));
    await this.recordRead(ctx, page.items);
    return page;
  }

  async get(ctx: AuthedContext, id: number): Promise<LegalStatusStepView> {
    const scope = regionScope(ctx.actor, 'legal-status-steps', 'show');
    const row = await this.steps.findVisible(this.dataSource.manager, id, scope);
    if (!row) throw DomainError.notFound('legal_status_step');
    await this.recordRead(ctx, [row]);
    return row;
  }

  create(ctx: AuthedContext, dto: CreateLegalStatusStepDto): Promise<LegalStatusStepView> {
    const scope = regionScope(ctx.actor, 'legal-status-steps', 'create');
    return this.dataSource.transaction(async (manager) => {
      const found = await this.steps.lockCase(manager, dto.applicationId, scope);
      if (!found) throw DomainError.notFound('application');
      if (!(CASE_STATUSES_WITH_LEGAL_STEPS as readonly string[]).includes(found.status)) {
        throw DomainError.invalid({
          applicationId: coded('legal_step.case_without_status', { status: found.status }),
        });
      }
      if (!(await this.steps.isActiveMember(manager, found.id, dto.personId))) {
        throw DomainError.invalid({ personId: 'legal_step.not_a_member' });
      }
      if (dto.appliedOn > todayInKazakhstan()) throw DomainError.invalid({ appliedOn: 'legal_step.date_in_future' });
      const held = await this.steps.holding(manager, dto.personId, dto.kind);
      if (held !== null) {
        throw new DomainError(
          ErrorKind.Conflict,
          'legal_step.already_held',
          { step: held },
          { kind: coded('legal_step.already_held', { step: held }) },
        );
      }
      const row = await this.steps.insert(manager, {
        applicationId: found.id,
        personId: dto.personId,
        kind: dto.kind,
        appliedOn: dto.appliedOn,
        authority: dto.authority,
        createdBy: ctx.actor.id,
      });
      await this.history(manager, ctx, null, row, found.regionId, 'legal_status_step.create', {
        authority: row.authority,
      });
      return (await this.steps.findVisible(manager, row.id, null))!;
    });
  }

  decide(ctx: AuthedContext, id: number, dto: DecideLegalStatusStepDto): Promise<LegalStatusStepView> {
    const scope = regionScope(ctx.actor, 'legal-status-steps', 'edit');
    return this.dataSource.transaction(async (manager) => {
      const applicationId = await this.steps.caseOfStep(manager, id, scope);
      if (applicationId === null) throw DomainError.notFound('legal_status_step');
      // The case first: two members' citizenship decided at once see each other's.
      const found = (await this.steps.lockCase(manager, applicationId, null))!;
      const before = (await this.steps.lockStep(manager, id))!;
      if (before.version !== dto.version) throw DomainError.stale('legal_status_step');
      if (before.state !== 'applied') throw new DomainError(ErrorKind.Conflict, 'legal_step.already_decided');
      if (dto.decidedOn > todayInKazakhstan()) throw DomainError.invalid({ decidedOn: 'legal_step.date_in_future' });
      if (dto.decidedOn < before.appliedOn) {
        throw DomainError.invalid({
          decidedOn: coded('legal_step.decided_before_applied', { date: before.appliedOn }),
        });
      }
      const after = await updateVersioned(manager, LegalStatusStep, 'legal_status_step', id, dto.version, {
        state: dto.decision,
        decidedOn: dto.decidedOn,
        reference: dto.reference ?? null,
        decidedBy: ctx.actor.id,
      });
      await this.history(manager, ctx, before, after, found.regionId, 'legal_status_step.decide', {
        date: dto.decidedOn,
      });
      if (after.kind === 'citizenship' && after.state === 'granted' && found.status === 'approved') {
        const endedOn = statusEndDate(await this.steps.citizenshipOfMembers(manager, found.id));
        if (endedOn !== null) {
          await this.payments.cancelNotYetDue(manager, ctx, found.id, endedOn);
          await this.endings.naturalise(manager, ctx, found, endedOn);
        }
      }
      return (await this.steps.findVisible(manager, id, null))!;
    });
  }

  /** The step's line on the case's timeline (no name: the case's member list says who) and its audit entry. */
  private async history(
    manager: EntityManager,
    ctx: AuthedContext,
    before: LegalStatusStep | null,
    after: LegalStatusStep,
    regionId: number,
    action: 'legal_status_step.create' | 'legal_status_step.decide',
    params: Record<string, string>,
  ): Promise<void> {
    await appendTimelineEvent(manager, {
      applicationId: after.applicationId,
      actorId: ctx.actor.id,
      type: 'updated',
      transition: action,
      message: coded(TIMELINE[after.state], { legalStepKind: after.kind, ...params }),
      data: { legalStatusStepId: after.id, personId: after.personId },
    });
    await this.audit.record(manager, ctx, {
      action,
      entityType: 'legal_status_step',
      entityId: after.id,
      regionId,
      changes: diff(before, after, FIELDS),
    });
  }

  /** The members and the applicants the answer names. */
  private recordRead(ctx: AuthedContext, rows: readonly LegalStatusStepView[]): Promise<void> {
    return this.reads.record(ctx, {
      action: 'work_list.view',
      entityType: 'legal_status_step',
      personIds: rows.flatMap((row) => [row.personId, ...(row.applicantId === null ? [] : [row.applicantId])]),
    });
  }
}
