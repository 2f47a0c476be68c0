import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addPeriod,
  type ApplicationDetail,
  checkExtension,
  checkTransition,
  type CodedMessage,
  computeDueDate,
  type DeadlineKey,
  type DeadlineStage,
  type ExtensionRule,
  formatApplicationNumber,
  type MessageCode,
  pausedRemaining,
  resumedDueDate,
  type TransitionDef,
  yearOf,
} from '@qonys/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthedContext } from '../../common/auth/actor';
import { regionScope } from '../../common/auth/region-scope';
import { coded, DomainError, ErrorKind, type FieldMessages } from '../../common/errors/domain-error';
import { updateVersioned } from '../../common/persistence/versioned-update';
import { ApplicantMessagesOutbox } from '../applicant-messages/applicant-messages.outbox';
import { AuditService, diff } from '../audit/audit.service';
import { ChecklistService } from '../documents/checklist.service';
import { InclusionService } from '../inclusion/inclusion.service';
import type { DeadlineClock } from './application-view';
import { ApplicationsRepository, type DeadlineSettingValue } from './applications.repository';
import { ApplicationsService } from './applications.service';
import { holderInitials, newCertificateNumber } from './certificate-number';
import type { TransitionDto } from './dto/application.dto';
import { Application } from './entities/application.entity';
import { appendTimelineEvent } from '../../common/timeline';

/** The fields a transition may change, as the audit log shows them. */
const TRANSITION_FIELDS = [
  'status',
  'number',
  'deadlineStage',
  'deadlineDue',
  'deadlinePausedRemaining',
  'submittedAt',
  'decidedAt',
  'legalGroundId',
  'decisionComment',
  'statusValidFrom',
  'statusValidTo',
  'extensionCount',
];

const CERTIFICATE_NUMBER_ATTEMPTS = 5;

/** Case endings that release the family's reserved places in a regional quota. */
const CASE_ENDINGS_RELEASING_QUOTA = new Set<string>(['withdrawn', 'expired', 'revoked']);

/**
 * Moves a case along the state machine of libs/domain (application-workflow.ts):
 * which transitions exist, who may trigger them, what each requires and sets are read
 * from there; this service checks the requirements against the data and performs the
 * named effects, in one transaction with the timeline event and the audit entry.
 */
@Injectable()
export class ApplicationTransitionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: ApplicationsRepository,
    private readonly cases: ApplicationsService,
    private readonly checklist: ChecklistService,
    private readonly audit: AuditService,
    private readonly inclusion: InclusionService,
    private readonly outbox: ApplicantMessagesOutbox,
  ) {}

  async transition(ctx: AuthedContext, id: number, dto: TransitionDto): Promise<ApplicationDetail<Date>> {
    const clock = await this.cases.clock();
    return this.dataSource.transaction(async (manager) => {
      const scope = regionScope(ctx.actor, 'applications', 'edit');
      const before = await this.applications.findInScope(manager, id, scope, { lock: true });
      if (!before) throw DomainError.notFound('application');
      const check = checkTransition(before.status, dto.to, ctx.actor.role);
      if (!check.ok) {
        const params = { from: before.status, to: dto.to };
        if (check.reason === 'role_not_allowed') throw new DomainError(ErrorKind.Forbidden, 'application.transition_role', params);
        throw new DomainError(ErrorKind.Conflict, 'application.no_such_transition', params, {
          to: coded('application.no_such_transition', params),
        });
      }
      if (before.version !== dto.version) throw DomainError.stale('application');
      const transition = check.transition;
      const comment = dto.comment?.trim() || null;
      await this.checkRequirements(manager, transition, before, dto, comment, clock);

      const { patch, certificate } = await this.effects(manager, transition, before, clock);
      const isDecision = transition.requires.includes('legal_ground') || transition.effects.includes('grant_status');
      if (isDecision) {
        Object.assign(patch, {
          decidedAt: new Date(),
          legalGroundId: dto.legalGroundId ?? null,
          decisionComment: comment,
        });
      }
      const after = await updateVersioned(manager, Application, 'application', id, dto.version, {
        ...patch,
        status: transition.to,
      });
      const issued = certificate ? await this.issueCertificate(manager, after, clock) : null;
      // A family whose case ends gives its reserved quota places back (before the audit lock is taken).
      if (CASE_ENDINGS_RELEASING_QUOTA.has(after.status)) {
        await this.inclusion.onCaseEnded(manager, ctx, id, after.status);
      }

      const event = await appendTimelineEvent(manager, {
        applicationId: id,
        actorId: ctx.actor.id,
        type: 'transition',
        transition: transition.name,
        fromStatus: before.status,
        toStatus: after.status,
        comment,
        data: withoutNulls({
          legalGroundId: dto.legalGroundId ?? null,
          number: after.number !== before.number ? after.number : null,
          deadlineStage: after.deadlineStage,
          deadlineDue: after.deadlineDue,
          deadlinePausedRemaining: after.deadlinePausedRemaining,
          statusValidTo: after.statusValidTo !== before.statusValidTo ? after.statusValidTo : null,
          certificateNumber: issued,
        }),
      });
      // The family hears of it by the outbox, in this transaction (docs/applicant-messages.md).
      if (transition.name === 'approve') {
        await this.outbox.queue(manager, {
          applicationId: id,
          kind: 'status_granted',
          eventKey: event.id,
          params: { validTo: after.statusValidTo! },
        });
      } else if (transition.name === 'request_information') {
        await this.outbox.queue(manager, {
          applicationId: id,
          kind: 'information_requested',
          eventKey: event.id,
          params: {},
        });
      }
      await this.audit.record(manager, ctx, {
        action: 'application.transition',
        entityType: 'application',
        entityId: id,
        regionId: after.regionId,
        changes: {
          transition: { before: null, after: transition.name },
          ...diff(before, after, TRANSITION_FIELDS),
          ...(issued ? { certificateNumber: { before: null, after: issued } } : {}),
        },
      });
      return this.cases.detail(manager, id, ctx.actor, clock);
    });
  }

  /** Every requirement of the transition, checked against the request and the data; 400 with each field's problem. */
  private async checkRequirements(
    manager: EntityManager,
    transition: TransitionDef,
    application: Application,
    dto: TransitionDto,
    comment: string | null,
    clock: DeadlineClock,
  ): Promise<void> {
    const errors: FieldMessages = {};
    if (!transition.requires.includes('legal_ground') && dto.legalGroundId) {
      errors.legalGroundId = coded('transition.no_legal_ground', { transition: transition.name });
    }
    for (const requirement of transition.requires) {
      switch (requirement) {
        case 'comment':
          if (!comment) errors.comment = coded('transition.needs_comment', { transition: transition.name });
          break;
        case 'legal_ground': {
          const problem = await this.legalGroundProblem(manager, transition, dto.legalGroundId ?? null, clock.today);
          if (problem) errors.legalGroundId = problem;
          break;
        }
        case 'has_members': {
          const stats = await this.applications.memberStats(manager, application.id);
          if (!stats.applicantActive) errors.members = 'transition.applicant_not_member';
          break;
        }
        case 'checklist_complete': {
          const result = await this.checklist.isComplete(manager, application.id);
          if (!result.complete) {
            errors.checklist = coded('transition.checklist_incomplete', { missing: result.missing.join(', ') });
          }
          break;
        }
        case 'status_expired':
          if (application.statusValidTo === null || application.statusValidTo >= clock.today) {
            errors.to = coded('transition.status_still_valid', { date: application.statusValidTo ?? '—' });
          }
          break;
        case 'extension_allowed': {
          const result = checkExtension(
            clock.today,
            application.statusValidTo ?? '0001-01-01',
            application.extensionCount,
            await this.extensionRule(manager, clock.today),
          );
          if (!result.allowed) errors.to = EXTENSION_REFUSALS[result.reason];
          break;
        }
      }
    }
    if (Object.keys(errors).length > 0) throw DomainError.invalid(errors);
  }

  private async legalGroundProblem(
    manager: EntityManager,
    transition: TransitionDef,
    legalGroundId: number | null,
    today: string,
  ): Promise<CodedMessage | null> {
    const needs = coded('transition.needs_legal_ground', { transition: transition.name, legalGroundKind: transition.legalGroundKind ?? '' });
    if (legalGroundId === null) return needs;
    const ground = await this.applications.legalGround(manager, legalGroundId);
    if (!ground) return coded('record.not_found', { entity: 'legal_ground' });
    if (ground.kind !== transition.legalGroundKind) return needs;
    if (
      (ground.validFrom !== null && ground.validFrom > today) ||
      (ground.validTo !== null && ground.validTo < today)
    ) {
      return coded('transition.legal_ground_not_in_force');
    }
    return null;
  }

  /** The named effects of the transition, as a patch of the case row (and whether to issue a certificate). */
  private async effects(
    manager: EntityManager,
    transition: TransitionDef,
    application: Application,
    clock: DeadlineClock,
  ): Promise<{ patch: Partial<Application>; certificate: boolean }> {
    const { today, rules } = clock;
    const patch: Partial<Application> = {};
    let certificate = false;
    const startDeadline = async (stage: DeadlineStage) => {
      const setting = await this.setting(manager, stage, today);
      const due =
        setting.unit === 'working_days'
          ? computeDueDate(today, setting.amount, rules)
          : addPeriod(today, setting.amount, asPeriodUnit(stage, setting), rules);
      Object.assign(patch, { deadlineStage: stage, deadlineDue: due, deadlinePausedRemaining: null });
    };
    for (const effect of transition.effects) {
      switch (effect) {
        case 'assign_number': {
          const year = yearOf(today);
          patch.number = formatApplicationNumber(year, await this.applications.nextApplicationSequence(manager, year));
          patch.submittedAt = new Date();
          break;
        }
        case 'start_deadline:completeness_check':
          await startDeadline('completeness_check');
          break;
        case 'start_deadline:commission_review':
          await startDeadline('commission_review');
          break;
        case 'start_deadline:status_decision':
          await startDeadline('status_decision');
          break;
        case 'pause_deadline':
          if (application.deadlineDue !== null) {
            patch.deadlinePausedRemaining = pausedRemaining(today, application.deadlineDue, rules);
            patch.deadlineDue = null;
          }
          break;
        case 'resume_deadline':
          if (application.deadlinePausedRemaining !== null) {
            patch.deadlineDue = resumedDueDate(today, application.deadlinePausedRemaining, rules);
            patch.deadlinePausedRemaining = null;
          }
          break;
        case 'clear_deadline':
          Object.assign(patch, { deadlineStage: null, deadlineDue: null, deadlinePausedRemaining: null });
          break;
        case 'grant_status': {
          const validity = await this.setting(manager, 'status_validity', today);
          patch.statusValidFrom = today;
          patch.statusValidTo = addPeriod(today, validity.amount, asPeriodUnit('status_validity', validity), rules);
          break;
        }
        case 'extend_status': {
          const result = checkExtension(
            today,
            application.statusValidTo!,
            application.extensionCount,
            await this.extensionRule(manager, today),
          );
          if (!result.allowed) throw DomainError.invalid({ to: EXTENSION_REFUSALS[result.reason] });
          patch.statusValidTo = result.newValidTo;
          patch.extensionCount = application.extensionCount + 1;
          await this.applications.extendCertificate(manager, application.id, result.newValidTo);
          break;
        }
        case 'issue_certificate':
          certificate = true;
          break;
        case 'revoke_certificate':
          await this.applications.revokeCertificate(manager, application.id);
          break;
        case 'release_members':
          await this.applications.releaseMembers(manager, application.id);
          break;
      }
    }
    return { patch, certificate };
  }

  /** The kandas certificate for the status just granted; returns its number. */
  private async issueCertificate(
    manager: EntityManager,
    application: Application,
    clock: DeadlineClock,
  ): Promise<string> {
    const names = await this.applications.applicantNames(manager, application.id);
    for (let attempt = 0; attempt < CERTIFICATE_NUMBER_ATTEMPTS; attempt++) {
      const number = newCertificateNumber(yearOf(clock.today));
      const inserted = await this.applications.insertCertificate(manager, {
        number,
        applicationId: application.id,
        holderInitials: holderInitials(names.givenName, names.surname),
        issuedOn: clock.today,
        validFrom: application.statusValidFrom!,
        validTo: application.statusValidTo!,
      });
      if (inserted) return number;
    }
    throw new Error('Could not draw an unused certificate number');
  }

  private async setting(manager: EntityManager, key: DeadlineKey, today: string): Promise<DeadlineSettingValue> {
    const setting = await this.applications.deadlineSetting(manager, key, today);
    if (!setting) {
      throw new DomainError(ErrorKind.Unavailable, 'setting.missing', { key });
    }
    return setting;
  }

  /** The extension rule from the editable settings valid today. */
  private async extensionRule(manager: EntityManager, today: string): Promise<ExtensionRule> {
    const months = async (key: DeadlineKey) => {
      const setting = await this.setting(manager, key, today);
      if (setting.unit === 'months') return setting.amount;
      if (setting.unit === 'years') return setting.amount * 12;
      throw new DomainError(ErrorKind.Unavailable, 'setting.months_expected', { key });
    };
    const limit = await this.setting(manager, 'status_extension_limit', today);
    if (limit.unit !== 'times')
      throw new DomainError(ErrorKind.Unavailable, 'setting.count_expected', { key: 'status_extension_limit' });
    return {
      maxExtensions: limit.amount,
      windowMonths: await months('status_extension_window'),
      extensionMonths: await months('status_extension'),
    };
  }
}

const EXTENSION_REFUSALS: Record<'too_many' | 'outside_window' | 'already_expired', MessageCode> = {
  too_many: 'transition.extension_too_many',
  outside_window: 'transition.extension_outside_window',
  already_expired: 'transition.extension_expired',
};

/** A setting's unit as a span of time; a count ('times') is not one. */
function asPeriodUnit(
  key: DeadlineKey,
  setting: DeadlineSettingValue,
): 'calendar_days' | 'months' | 'years' | 'working_days' {
  if (setting.unit === 'times') {
    throw new DomainError(ErrorKind.Unavailable, 'setting.span_expected', { key });
  }
  return setting.unit;
}

const withoutNulls = (data: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(data).filter(([, v]) => v !== null && v !== undefined));
