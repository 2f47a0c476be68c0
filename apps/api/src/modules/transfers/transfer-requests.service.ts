import {
  type MessageCode,
  type Resource,
  todayInKazakhstan,
  type TransferKind,
  type TransferState,
} from '@qonys/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor, AuthedContext, RequestContext } from '../../common/auth/actor';
import { regionScope } from '../../common/auth/region-scope';
import { coded, DomainError, ErrorKind, type FieldMessages } from '../../common/errors/domain-error';
import type { ListResult, ParsedListQuery } from '../../common/list/list-query';
import { updateVersioned } from '../../common/persistence/versioned-update';
import { appendTimelineEvent } from '../../common/timeline';
import { AuditService, diff } from '../audit/audit.service';
import { PersonalDataReads } from '../audit/personal-data-reads.service';
import type { DeclineTransferDto, TransferAskFields } from './dto/transfer-request.dto';
import { TransferRequest } from './entities/transfer-request.entity';
import {
  type TransferRequestView,
  TransferRequestsRepository,
  type TransferScope,
  type TransferSubjectRef,
} from './transfer-requests.repository';

/** The family and place a transfer would move: a planned settlement or a batch line. */
export interface TransferSubject {
  kind: TransferKind;
  applicationId: number;
  /** The settlement's or the batch line's id. */
  id: number;
  fromRegionId: number;
  /** Where the family's preferences are kept. */
  inclusionRequestId: number | null;
}

/** A move into another region as asked: the region, the typed reason, and the consent fields. */
export interface TransferAsk extends TransferAskFields {
  toRegionId: number;
  reason: string;
}

/** The family's consent to a region they did not choose, as recorded. */
export interface FamilyConsent {
  consentDate: string;
  consentDocument: string;
}

/** A move either done (the caller could spend the target's quota) or asked of the receiving region. */
export type MoveOutcome<T> = { done: T } | { requested: TransferRequestView };

const DECISION_FIELDS = ['state', 'declineReason', 'decidedBy', 'decidedAt', 'resultSettlementId'];

/**
 * Transfer requests between regions (docs/transfers.md): raised when a region-scoped
 * caller moves a family into another region, decided by that region's official.
 * Every state change is audited and written on the case's timeline.
 */
@Injectable()
export class TransferRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requests: TransferRequestsRepository,
    private readonly audit: AuditService,
    private readonly reads: PersonalDataReads,
  ) {}

  /**
   * Whether the caller must ask instead of moving: their grant on the resource is
   * limited to a region and the target is not theirs, so its quota is not theirs to spend.
   */
  needsTransfer(actor: Actor, resource: Resource, toRegionId: number): boolean {
    const scope = regionScope(actor, resource, 'edit');
    return scope !== null && scope !== toRegionId;
  }

  /**
   * The family's consent, required (400 per field) when the target is not among their
   * preferred regions; null when the target is one they chose.
   */
  async consentFor(
    manager: EntityManager,
    subject: Pick<TransferSubject, 'inclusionRequestId'>,
    toRegionId: number,
    ask: TransferAskFields,
  ): Promise<FamilyConsent | null> {
    const { errors, consent } = await this.checkConsent(manager, subject, toRegionId, ask);
    if (Object.keys(errors).length > 0) throw DomainError.invalid(errors);
    return consent;
  }

  private async checkConsent(
    manager: EntityManager,
    subject: Pick<TransferSubject, 'inclusionRequestId'>,
    toRegionId: number,
    ask: TransferAskFields,
  ): Promise<{ errors: FieldMessages; consent: FamilyConsent | null }> {
    const errors: FieldMessages = {};
    if (ask.consentDate !== undefined && ask.consentDate > todayInKazakhstan()) {
      errors.consentDate = 'transfer.consent_in_future';
    }
    const preferred = await this.requests.preferredRegions(manager, subject.inclusionRequestId);
    const chosen = preferred.includes(toRegionId);
    if (!chosen && (ask.consentDate === undefined || ask.consentDocument === undefined)) {
      const region = (await this.requests.regionName(manager, toRegionId)) ?? String(toRegionId);
      const missing = coded('transfer.consent_required', { region });
      if (ask.consentDate === undefined) errors.consentDate = missing;
      if (ask.consentDocument === undefined) errors.consentDocument = missing;
    }
    const consent =
      chosen || Object.keys(errors).length > 0
        ? null
        : { consentDate: ask.consentDate!, consentDocument: ask.consentDocument! };
    return { errors, consent };
  }

  /** Records the request (the subject locked by the caller); nothing moves until the receiving region accepts. */
  async request(
    manager: EntityManager,
    ctx: AuthedContext,
    subject: TransferSubject,
    ask: TransferAsk,
  ): Promise<TransferRequestView> {
    // Every field's problem in one answer: the reason code and the consent.
    const { errors, consent } = await this.checkConsent(manager, subject, ask.toRegionId, ask);
    if (ask.reasonCode === undefined) errors.reasonCode = 'transfer.reason_code_required';
    if (ask.reasonCode === undefined || Object.keys(errors).length > 0) throw DomainError.invalid(errors);
    const [open] = await this.requests.openFor(manager, subjectRef(subject.kind, subject.id));
    if (open) throw new DomainError(ErrorKind.Conflict, 'transfer.already_open', { request: open.id });
    // The subject is locked by the caller, so a second request for it waits and then finds this one.
    const row = await this.requests.insert(manager, {
      kind: subject.kind,
      applicationId: subject.applicationId,
      settlementId: subject.kind === 'settlement' ? subject.id : null,
      placementProposalId: subject.kind === 'proposal' ? subject.id : null,
      fromRegionId: subject.fromRegionId,
      toRegionId: ask.toRegionId,
      reasonCode: ask.reasonCode,
      reason: ask.reason.trim(),
      consentDate: consent?.consentDate ?? null,
      consentDocument: consent?.consentDocument ?? null,
      requestedBy: ctx.actor.id,
    });
    await this.writeHistory(manager, ctx, row, 'timeline.transfer_requested', 'transfer_request.create', {
      ...diff(null, row, [
        'kind',
        'applicationId',
        'settlementId',
        'placementProposalId',
        'fromRegionId',
        'toRegionId',
        'reasonCode',
        'reason',
        'consentDate',
        'consentDocument',
        'state',
      ]),
    });
    return this.view(manager, row.id);
  }

  async list(ctx: AuthedContext, query: ParsedListQuery): Promise<ListResult<TransferRequestView>> {
    const page = await this.requests.listPage(query, this.scope(ctx.actor, 'list'));
    await this.reads.workList(ctx, 'transfer_request', page.items);
    return page;
  }

  async get(ctx: AuthedContext, id: number): Promise<TransferRequestView> {
    const row = await this.requests.findVisible(this.dataSource.manager, id, this.scope(ctx.actor, 'show'));
    if (!row) throw DomainError.notFound('transfer_request');
    await this.reads.workList(ctx, 'transfer_request', [row]);
    return row;
  }

  /** The request as the caller may act on it, unlocked: 404 outside their reach. */
  async peek(manager: EntityManager, ctx: AuthedContext, id: number): Promise<TransferRequest> {
    const row = await this.requests.findVisible(manager, id, this.scope(ctx.actor, 'edit'));
    if (!row) throw DomainError.notFound('transfer_request');
    return row;
  }

  /**
   * Locks the open request for a decision by one side (the caller has locked its
   * subject first, the order every writer uses): 404 outside the caller's reach, 403
   * for the wrong side, 409 when stale or no longer open.
   */
  async lockOpen(
    manager: EntityManager,
    ctx: AuthedContext,
    id: number,
    version: number,
    side: 'receiving' | 'sending',
  ): Promise<TransferRequest> {
    await this.peek(manager, ctx, id);
    const row = (await this.requests.lockById(manager, id))!;
    const scope = this.scope(ctx.actor, 'edit');
    const region = side === 'receiving' ? row.toRegionId : row.fromRegionId;
    if (scope !== null && scope.regionId !== region) {
      throw new DomainError(
        ErrorKind.Forbidden,
        side === 'receiving' ? 'transfer.receiving_region_only' : 'transfer.sending_side_only',
      );
    }
    if (row.version !== version) throw DomainError.stale('transfer_request');
    if (row.state !== 'requested') {
      throw new DomainError(ErrorKind.Conflict, 'transfer.not_open', { transferState: row.state });
    }
    return row;
  }

  /** After the move itself (the caller's, in this transaction): the request is accepted. */
  async markAccepted(
    manager: EntityManager,
    ctx: AuthedContext,
    before: TransferRequest,
    resultSettlementId: number | null,
  ): Promise<TransferRequestView> {
    return this.close(manager, ctx, before, 'accepted', { resultSettlementId }, 'timeline.transfer_accepted');
  }

  async decline(ctx: AuthedContext, id: number, dto: DeclineTransferDto): Promise<TransferRequestView> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.lockOpen(manager, ctx, id, dto.version, 'receiving');
      return this.close(
        manager,
        ctx,
        before,
        'declined',
        { declineReason: dto.reason.trim() },
        'timeline.transfer_declined',
      );
    });
  }

  async withdraw(ctx: AuthedContext, id: number, version: number): Promise<TransferRequestView> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.lockOpen(manager, ctx, id, version, 'sending');
      return this.close(manager, ctx, before, 'withdrawn', {}, 'timeline.transfer_withdrawn');
    });
  }

  /**
   * The family's place changed another way (moved directly, arrived, cancelled, its
   * batch line accepted): open requests on it can no longer be decided and expire.
   */
  async expireOpen(
    manager: EntityManager,
    ctx: RequestContext,
    subject: TransferSubjectRef | { placementProposalIds: number[] },
  ): Promise<void> {
    for (const open of await this.requests.openFor(manager, subject)) {
      await this.close(manager, ctx, open, 'expired', {}, 'timeline.transfer_expired');
    }
  }

  private async close(
    manager: EntityManager,
    ctx: RequestContext,
    before: TransferRequest,
    state: Exclude<TransferState, 'requested'>,
    patch: Partial<TransferRequest>,
    timeline: MessageCode,
  ): Promise<TransferRequestView> {
    const after = await updateVersioned(manager, TransferRequest, 'transfer_request', before.id, before.version, {
      ...patch,
      state,
      decidedBy: ctx.actor?.id ?? null,
      decidedAt: new Date(),
    });
    const action = ({ accepted: 'accept', declined: 'decline', withdrawn: 'withdraw', expired: 'expire' } as const)[
      state
    ];
    await this.writeHistory(
      manager,
      ctx,
      after,
      timeline,
      `transfer_request.${action}`,
      diff(before, after, DECISION_FIELDS),
      after.declineReason,
    );
    return this.view(manager, after.id);
  }

  /** The case's timeline line (names of both regions as parameters) and the audit entry. */
  private async writeHistory(
    manager: EntityManager,
    ctx: RequestContext,
    row: TransferRequest,
    timeline: MessageCode,
    action: string,
    changes: ReturnType<typeof diff>,
    comment: string | null = row.reason,
  ): Promise<void> {
    const [fromRegion, toRegion] = [
      await this.requests.regionName(manager, row.fromRegionId),
      await this.requests.regionName(manager, row.toRegionId),
    ];
    await appendTimelineEvent(manager, {
      applicationId: row.applicationId,
      actorId: ctx.actor?.id ?? null,
      type: 'updated',
      transition: action,
      comment,
      message: coded(timeline, { fromRegion: fromRegion!, toRegion: toRegion! }),
      data: {
        transferRequestId: row.id,
        fromRegionId: row.fromRegionId,
        toRegionId: row.toRegionId,
        state: row.state,
        ...(row.resultSettlementId ? { settlementId: row.resultSettlementId } : {}),
      },
    });
    await this.audit.record(manager, ctx, {
      action,
      entityType: 'transfer_request',
      entityId: row.id,
      regionId: row.toRegionId,
      changes,
    });
  }

  private async view(manager: EntityManager, id: number): Promise<TransferRequestView> {
    return (await this.requests.findVisible(manager, id, null))!;
  }

  private scope(actor: Actor, action: 'list' | 'show' | 'edit'): TransferScope | null {
    const regionId = regionScope(actor, 'transfer-requests', action);
    if (regionId === null) return null;
    return { regionId, by: actor.role === 'caseworker' ? 'case' : 'involved' };
  }
}

const subjectRef = (kind: TransferKind, id: number): TransferSubjectRef =>
  kind === 'settlement' ? { settlementId: id } : { placementProposalId: id };
