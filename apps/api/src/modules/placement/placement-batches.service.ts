import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CodedMessage,
  englishMessage,
  isMessageCode,
  type MessageParams,
  type QuotaCategory,
} from '@qonys/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthedContext } from '../../common/auth/actor';
import { regionScope } from '../../common/auth/region-scope';
import { coded, DomainError, ErrorKind } from '../../common/errors/domain-error';
import { fetchPage, type ListResult, type ParsedListQuery } from '../../common/list/list-query';
import { appendTimelineEvent } from '../../common/timeline';
import { AuditService } from '../audit/audit.service';
import { PersonalDataReads } from '../audit/personal-data-reads.service';
import { ReservationsService } from '../quotas/reservations.service';
import { SettlementsService } from '../settlements/settlements.service';
import {
  type FamilyConsent,
  type MoveOutcome,
  type TransferSubject,
  TransferRequestsService,
} from '../transfers/transfer-requests.service';
import type { AcceptBatchDto, CreateBatchDto, OverrideProposalDto } from './dto/placement.dto';
import { PlacementBatch } from './entities/placement-batch.entity';
import { PlacementProposal } from './entities/placement-proposal.entity';
import { JobsService } from '../jobs/jobs.service';
import type { JobRunView } from '../jobs/job-run-view';
import { BATCH_LIST } from './placement-lists';
import { PlacementRepository, type ProposalView } from './placement.repository';

export interface AcceptResult {
  accepted: {
    proposalId: number;
    inclusionRequestId: number;
    regionId: number;
    reservationId: number;
    persons: number;
  }[];
  /** Each skipped family with why, as a code (and its English text in `reason`). */
  skipped: ({ proposalId: number; reason: string } & CodedMessage)[];
  batch: PlacementBatch;
}

/**
 * Batch placement: a batch and its run on the job queue (placement-batch.job.ts), its
 * proposals, overrides with a reason, and acceptance into the quota.
 */
@Injectable()
export class PlacementBatchesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly placement: PlacementRepository,
    private readonly jobs: JobsService,
    private readonly reservations: ReservationsService,
    private readonly settlements: SettlementsService,
    private readonly transfers: TransferRequestsService,
    private readonly audit: AuditService,
    private readonly reads: PersonalDataReads,
  ) {}

  /** Opens a batch and queues its run in one transaction: both exist, or neither. */
  async create(ctx: AuthedContext, dto: CreateBatchDto): Promise<PlacementBatch> {
    await this.failBatchesOfFailedRuns();
    return this.dataSource.transaction(async (manager) => {
      const batch = await this.open(manager, dto.year, dto.category, ctx.actor.id);
      await this.audit.record(manager, ctx, {
        action: 'placement_batch.create',
        entityType: 'placement_batch',
        entityId: batch.id,
        changes: { year: { before: null, after: dto.year }, category: { before: null, after: dto.category } },
      });
      const run = await this.jobs.enqueue(manager, ctx, 'placement-batch', { batchId: batch.id });
      batch.runId = run.id;
      return manager.getRepository(PlacementBatch).save(batch);
    });
  }

  /** The batch of a run started from the Jobs screen, opened by that run (its run-now was audited). */
  async openForRun(year: number, category: QuotaCategory, runId: string): Promise<PlacementBatch> {
    await this.failBatchesOfFailedRuns();
    return this.dataSource.transaction(async (manager) => {
      const batch = await this.open(manager, year, category, null);
      batch.runId = runId;
      return manager.getRepository(PlacementBatch).save(batch);
    });
  }

  /** One run at a time per year and category (any replica): the advisory lock serialises the check. */
  private async open(
    manager: EntityManager,
    year: number,
    category: QuotaCategory,
    createdBy: number | null,
  ): Promise<PlacementBatch> {
    await manager.query('SELECT pg_advisory_xact_lock(7262101, $1)', [year]);
    const [running] = await manager.query<{ id: number }[]>(
      `SELECT id FROM placement_batch WHERE year = $1 AND category = $2 AND status = 'running'`,
      [year, category],
    );
    if (running) throw new DomainError(ErrorKind.Conflict, 'placement.batch_running', { batch: running.id });
    const repo = manager.getRepository(PlacementBatch);
    return repo.save(repo.create({ year, category, createdBy }));
  }

  /**
   * A batch whose run failed (an error, or its server killed mid-run: docs/jobs.md) is
   * failed too, with the run's reason; it then blocks no new batch for its year.
   */
  private async failBatchesOfFailedRuns(): Promise<void> {
    await this.jobs.failLostRuns();
    const stuck = await this.dataSource.query<{ id: number; error_code: string; error_params: MessageParams | null }[]>(
      `SELECT b.id, r.error_code, r.error_params FROM placement_batch b JOIN job_run r ON r.id = b.run_id
        WHERE b.status = 'running' AND r.state = 'failed'`,
    );
    for (const batch of stuck) {
      const code = isMessageCode(batch.error_code) ? batch.error_code : 'jobs.run_failed';
      await this.dataSource.query(
        `UPDATE placement_batch SET status = 'failed', error = $2, updated_at = now() WHERE id = $1 AND status = 'running'`,
        [batch.id, englishMessage(code, batch.error_params ?? {})],
      );
    }
  }

  async list(query: ParsedListQuery): Promise<ListResult<PlacementBatch>> {
    await this.failBatchesOfFailedRuns();
    return fetchPage(this.dataSource.getRepository(PlacementBatch).createQueryBuilder('b'), query, BATCH_LIST);
  }

  async get(id: number): Promise<PlacementBatch> {
    await this.failBatchesOfFailedRuns();
    const batch = await this.dataSource.getRepository(PlacementBatch).findOneBy({ id });
    if (!batch) throw DomainError.notFound('placement_batch');
    return batch;
  }

  /** A batch with its run's state and progress, for the placement screen to follow. */
  async getWithRun(id: number): Promise<PlacementBatch & { run: JobRunView | null }> {
    const batch = await this.get(id);
    return { ...batch, run: batch.runId ? await this.jobs.getRun(batch.runId) : null };
  }

  /** Proposals of a batch, each with its case's names; a regional official sees those whose final region is theirs. */
  async proposals(ctx: AuthedContext, batchId: number, query: ParsedListQuery): Promise<ListResult<ProposalView>> {
    await this.get(batchId);
    const page = await this.placement.proposalsPage(batchId, regionScope(ctx.actor, 'placement', 'list'), query);
    await this.reads.workList(ctx, 'placement_proposal', page.items);
    return page;
  }

  /**
   * Moves one family to another region, with a reason: done at once by an admin or by
   * the official of the region taking the family; the official of the region giving it
   * up asks the other region instead (a transfer request, 202). A region the family did
   * not choose needs their recorded consent.
   */
  async override(
    ctx: AuthedContext,
    batchId: number,
    proposalId: number,
    dto: OverrideProposalDto,
  ): Promise<MoveOutcome<PlacementProposal>> {
    return this.dataSource.transaction(async (manager) => {
      const line = await this.lockLine(manager, proposalId, batchId);
      const scope = regionScope(ctx.actor, 'placement', 'edit');
      if (!line || !(scope === null || scope === line.currentRegionId || scope === dto.regionId))
        throw DomainError.notFound('placement_proposal');
      await this.checkOverridable(manager, line, dto.regionId);
      if (this.transfers.needsTransfer(ctx.actor, 'placement', dto.regionId)) {
        const ask = { ...dto, toRegionId: dto.regionId };
        return { requested: await this.transfers.request(manager, ctx, transferSubject(line), ask) };
      }
      const consent = await this.transfers.consentFor(manager, line, dto.regionId, dto);
      const proposal = await this.applyOverride(manager, ctx, line, dto.regionId, dto.reason, consent);
      await this.transfers.expireOpen(manager, ctx, { placementProposalId: proposalId });
      return { done: proposal };
    });
  }

  /** Locks a batch line a transfer request would move, its batch first (before the request: the order every writer uses). */
  async lockForTransfer(manager: EntityManager, proposalId: number): Promise<BatchLine> {
    const line = await this.lockLine(manager, proposalId);
    if (!line) throw DomainError.notFound('placement_proposal');
    return line;
  }

  /** The receiving region accepted: the override itself, with the consent the request recorded. */
  async overrideForTransfer(
    manager: EntityManager,
    ctx: AuthedContext,
    line: BatchLine,
    regionId: number,
    reason: string,
    consent: FamilyConsent | null,
  ): Promise<PlacementProposal> {
    await this.checkOverridable(manager, line, regionId);
    return this.applyOverride(manager, ctx, line, regionId, reason, consent);
  }

  /** The batch (404 when `batchId` is not one) and then the line, locked; null when the line is not in the batch. */
  private async lockLine(manager: EntityManager, proposalId: number, batchId?: number): Promise<BatchLine | null> {
    const [peek] = await manager.query<{ batch_id: number }[]>(
      'SELECT batch_id FROM placement_proposal WHERE id = $1',
      [proposalId],
    );
    const batch = await this.lockBatch(manager, batchId ?? peek?.batch_id ?? 0);
    if (!peek || peek.batch_id !== batch.id) return null;
    const [row] = await manager.query<
      {
        id: number;
        inclusion_request_id: number;
        application_id: number;
        proposed_region_id: number | null;
        override_region_id: number | null;
        accepted_at: Date | null;
      }[]
    >(
      `SELECT p.id, p.inclusion_request_id, ir.application_id, p.proposed_region_id, p.override_region_id, p.accepted_at
         FROM placement_proposal p JOIN inclusion_request ir ON ir.id = p.inclusion_request_id
        WHERE p.id = $1 FOR UPDATE OF p`,
      [proposalId],
    );
    return {
      batch,
      id: row.id,
      inclusionRequestId: row.inclusion_request_id,
      applicationId: row.application_id,
      currentRegionId: row.override_region_id ?? row.proposed_region_id,
      accepted: row.accepted_at !== null,
    };
  }

  private async checkOverridable(manager: EntityManager, line: BatchLine, regionId: number): Promise<void> {
    const { batch } = line;
    if (batch.status !== 'proposed')
      throw new DomainError(ErrorKind.Conflict, 'placement.batch_not_proposed', { batchStatus: batch.status });
    if (line.accepted) throw new DomainError(ErrorKind.Conflict, 'placement.proposal_accepted');
    if (!(await this.placement.hasQuota(manager, batch.year, batch.category, regionId))) {
      throw DomainError.invalid({
        regionId: coded('placement.no_quota_in_region', { category: batch.category, year: batch.year }),
      });
    }
  }

  private async applyOverride(
    manager: EntityManager,
    ctx: AuthedContext,
    line: BatchLine,
    regionId: number,
    reason: string,
    consent: FamilyConsent | null,
  ): Promise<PlacementProposal> {
    const trimmed = reason.trim();
    await manager.query(
      'UPDATE placement_proposal SET override_region_id = $2, override_reason = $3, overridden_by = $4 WHERE id = $1',
      [line.id, regionId, trimmed, ctx.actor.id],
    );
    await this.audit.record(manager, ctx, {
      action: 'placement_proposal.override',
      entityType: 'placement_proposal',
      entityId: line.id,
      regionId,
      changes: {
        regionId: { before: line.currentRegionId, after: regionId },
        overrideReason: { before: null, after: trimmed },
        ...(consent ? { familyConsent: { before: null, after: consent } } : {}),
      },
    });
    return manager.getRepository(PlacementProposal).findOneByOrFail({ id: line.id });
  }

  /**
   * Accepts the proposals whose final region is in the caller's scope, in one
   * transaction: each family is reserved whole through the quota ledger, its inclusion
   * request marked included and its settlement planned. A family that no longer fits
   * (or whose request was decided meanwhile) is skipped with the reason; the others go on.
   */
  async accept(ctx: AuthedContext, batchId: number, dto: AcceptBatchDto): Promise<AcceptResult> {
    const scope = regionScope(ctx.actor, 'placement', 'edit');
    if (scope !== null && dto.regionId !== undefined && dto.regionId !== scope) {
      throw new DomainError(ErrorKind.Forbidden, 'placement.accept_own_region');
    }
    const region = scope ?? dto.regionId ?? null;
    return this.dataSource.transaction(async (manager) => {
      const batch = await this.lockBatch(manager, batchId);
      if (batch.status !== 'proposed')
        throw new DomainError(ErrorKind.Conflict, 'placement.batch_not_proposed', { batchStatus: batch.status });
      const pending = await manager.query<{ id: number; inclusion_request_id: number; region_id: number }[]>(
        `SELECT id, inclusion_request_id, COALESCE(override_region_id, proposed_region_id) AS region_id
           FROM placement_proposal
          WHERE batch_id = $1 AND accepted_at IS NULL AND COALESCE(override_region_id, proposed_region_id) IS NOT NULL
            AND ($2::int IS NULL OR COALESCE(override_region_id, proposed_region_id) = $2)
          ORDER BY id`,
        [batchId, region],
      );
      // Every quota row first, in id order; the reservations then only add to locks held.
      const balances = await this.placement.lockBalances(manager, batch.year, batch.category, [
        ...new Set(pending.map((p) => p.region_id)),
      ]);
      const result: AcceptResult = { accepted: [], skipped: [], batch };
      for (const proposal of pending) {
        const skip = (message: CodedMessage) =>
          result.skipped.push({
            proposalId: proposal.id,
            reason: englishMessage(message.code, message.params),
            ...message,
          });
        const request = await this.placement.lockRequest(manager, proposal.inclusion_request_id);
        if (!request || request.status !== 'submitted') {
          skip(coded('placement.request_not_open', { requestStatus: request?.status ?? 'withdrawn' }));
          continue;
        }
        const balance = balances.get(proposal.region_id) ?? 0;
        if (request.persons > balance) {
          skip(
            coded('quota.full', { category: batch.category, year: batch.year, free: balance, needed: request.persons }),
          );
          continue;
        }
        await manager.query('SAVEPOINT placement_accept');
        try {
          const reservation = await this.reservations.reserve(manager, ctx, {
            applicationId: request.applicationId,
            inclusionRequestId: request.id,
            regionId: proposal.region_id,
            year: batch.year,
            category: batch.category,
            persons: request.persons,
          });
          await this.placement.markIncluded(manager, request.id, proposal.region_id, request.persons, ctx.actor.id);
          const settlement = await this.settlements.createForReservation(manager, ctx, reservation.id);
          await appendTimelineEvent(manager, {
            applicationId: request.applicationId,
            actorId: ctx.actor.id,
            type: 'updated',
            transition: 'inclusion.include',
            message: coded('timeline.included', {
              year: batch.year,
              category: batch.category,
              batch: batch.id,
              persons: request.persons,
            }),
            data: {
              inclusionRequestId: request.id,
              regionId: proposal.region_id,
              reservationId: reservation.id,
              settlementId: settlement.id,
              placementBatchId: batch.id,
            },
          });
          await manager.query('UPDATE placement_proposal SET accepted_at = now(), reservation_id = $2 WHERE id = $1', [
            proposal.id,
            reservation.id,
          ]);
          await manager.query('RELEASE SAVEPOINT placement_accept');
          balances.set(proposal.region_id, balance - request.persons);
          result.accepted.push({
            proposalId: proposal.id,
            inclusionRequestId: request.id,
            regionId: proposal.region_id,
            reservationId: reservation.id,
            persons: request.persons,
          });
        } catch (error) {
          await manager.query('ROLLBACK TO SAVEPOINT placement_accept');
          if (!(error instanceof DomainError)) throw error;
          skip(coded(error.code, error.params));
        }
      }
      const [{ open }] = await manager.query<{ open: number }[]>(
        `SELECT count(*)::int AS open FROM placement_proposal
          WHERE batch_id = $1 AND accepted_at IS NULL AND COALESCE(override_region_id, proposed_region_id) IS NOT NULL`,
        [batchId],
      );
      await this.transfers.expireOpen(manager, ctx, { placementProposalIds: result.accepted.map((a) => a.proposalId) });
      if (open === 0)
        await manager.query(
          `UPDATE placement_batch SET status = 'accepted', version = version + 1, updated_at = now() WHERE id = $1`,
          [batchId],
        );
      await this.audit.record(manager, ctx, {
        action: 'placement_batch.accept',
        entityType: 'placement_batch',
        entityId: batchId,
        regionId: region,
        changes: {
          accepted: { before: null, after: result.accepted.map((a) => a.proposalId) },
          skipped: { before: null, after: result.skipped },
        },
      });
      result.batch = await manager.getRepository(PlacementBatch).findOneByOrFail({ id: batchId });
      return result;
    });
  }

  private async lockBatch(manager: EntityManager, id: number): Promise<PlacementBatch> {
    const batch = await manager
      .getRepository(PlacementBatch)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!batch) throw DomainError.notFound('placement_batch');
    return batch;
  }
}

/** A family's line in a batch, locked with its batch, as an override or a transfer needs it. */
export interface BatchLine {
  batch: PlacementBatch;
  id: number;
  inclusionRequestId: number;
  applicationId: number;
  /** The override when there is one, else the proposal; null: no room was found. */
  currentRegionId: number | null;
  accepted: boolean;
}

/** Only the line's current region asks for a transfer (the override's scope check), so it has one. */
const transferSubject = (line: BatchLine): TransferSubject => ({
  kind: 'proposal',
  applicationId: line.applicationId,
  id: line.id,
  fromRegionId: line.currentRegionId!,
  inclusionRequestId: line.inclusionRequestId,
});
