import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type CodedMessage, englishMessage, firstComeFirstServed, placementReport, scoreRegion } from '@qonys/domain';
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
import { BATCH_LIST } from './placement-lists';
import { buildInstance } from './placement-instance';
import { PlacementRepository, type ProposalView } from './placement.repository';
import { PlacementService } from './placement.service';
import { solvePlacementInWorker } from './solve-in-worker';

/** A run not updated for this long was cut off with its process and is shown as failed. */
export const STALE_RUN_MINUTES = 10;

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
 * Batch placement: a run in the background of this process (progress in the row), its
 * proposals, overrides with a reason, and acceptance into the quota.
 */
@Injectable()
export class PlacementBatchesService {
  private readonly logger = new Logger('PlacementBatches');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly placement: PlacementRepository,
    private readonly scoring: PlacementService,
    private readonly reservations: ReservationsService,
    private readonly settlements: SettlementsService,
    private readonly transfers: TransferRequestsService,
    private readonly audit: AuditService,
    private readonly reads: PersonalDataReads,
  ) {}

  async create(ctx: AuthedContext, dto: CreateBatchDto): Promise<PlacementBatch> {
    await this.failStaleRuns();
    const batch = await this.dataSource.transaction(async (manager) => {
      // One run at a time per year and category (any replica): the advisory lock serialises the check.
      await manager.query('SELECT pg_advisory_xact_lock(7262101, $1)', [dto.year]);
      const [running] = await manager.query<{ id: number }[]>(
        `SELECT id FROM placement_batch WHERE year = $1 AND category = $2 AND status = 'running'`,
        [dto.year, dto.category],
      );
      if (running)
        throw new DomainError(ErrorKind.Conflict, 'placement.batch_running', { batch: running.id });
      const repo = manager.getRepository(PlacementBatch);
      const saved = await repo.save(repo.create({ year: dto.year, category: dto.category, createdBy: ctx.actor.id }));
      await this.audit.record(manager, ctx, {
        action: 'placement_batch.create',
        entityType: 'placement_batch',
        entityId: saved.id,
        changes: { year: { before: null, after: dto.year }, category: { before: null, after: dto.category } },
      });
      return saved;
    });
    setImmediate(() => void this.run(batch.id));
    return batch;
  }

  /** The run itself; every failure ends in status `failed` with the error. */
  async run(id: number): Promise<void> {
    const started = performance.now();
    const progress = (value: number, extra: Partial<PlacementBatch> = {}) =>
      this.dataSource.getRepository(PlacementBatch).update({ id }, { progress: value, ...extra });
    try {
      const batch = await this.dataSource.getRepository(PlacementBatch).findOneByOrFail({ id });
      await progress(10);
      const [families, regions, weights] = await Promise.all([
        this.placement.waitingFamilies(batch.year, batch.category),
        this.placement.openRegions(batch.year, batch.category),
        this.scoring.weights(),
      ]);
      const instance = buildInstance(families, regions, weights);
      const result = await solvePlacementInWorker(instance, {
        onPhase: async (phase) => void (await progress(phase === 'lp' ? 50 : 80)),
      });
      const fcfs = firstComeFirstServed(instance);
      const report = {
        optimal: placementReport(instance, result.regionOf),
        firstComeFirstServed: placementReport(instance, fcfs.regionOf),
        solver: {
          strategy: result.strategy,
          provenOptimal: result.provenOptimal,
          fractionalFamilies: result.fractionalFamilies,
          lpMs: result.lpMs,
          repairMs: result.repairMs,
          regions: regions.length,
        },
      };
      await this.dataSource.transaction(async (manager) => {
        const rows = families.map((family, f) => {
          const r = result.regionOf[f];
          const scored = r === null ? null : scoreRegion(family, regions[r], weights);
          return [
            id,
            family.inclusionRequestId,
            r === null ? null : regions[r].regionId,
            scored?.score ?? null,
            scored ? JSON.stringify(scored.reasons) : null,
          ];
        });
        for (let i = 0; i < rows.length; i += 1000) {
          const chunk = rows.slice(i, i + 1000);
          const values = chunk
            .map((_, j) => `($${j * 5 + 1}, $${j * 5 + 2}, $${j * 5 + 3}, $${j * 5 + 4}, $${j * 5 + 5}::jsonb)`)
            .join(', ');
          await manager.query(
            `INSERT INTO placement_proposal (batch_id, inclusion_request_id, proposed_region_id, score, reasons) VALUES ${values}`,
            chunk.flat(),
          );
        }
        await manager.getRepository(PlacementBatch).update(
          { id },
          {
            status: 'proposed',
            progress: 100,
            families: families.length,
            totalScore: round(result.total),
            lpBound: round(result.lpBound),
            gap: Math.round(result.gap * 1e8) / 1e8,
            solveMs: Math.round(performance.now() - started),
            fcfsReport: report,
          },
        );
      });
    } catch (error) {
      this.logger.error({ err: error, batchId: id }, 'placement run failed');
      await this.dataSource
        .getRepository(PlacementBatch)
        .update({ id }, { status: 'failed', error: error instanceof Error ? error.message : String(error) })
        .catch(() => undefined);
    }
  }

  /** Runs cut off by a crash or restart stay `running` in the table; after a timeout they read as failed. */
  private async failStaleRuns(): Promise<void> {
    await this.dataSource.query(
      `UPDATE placement_batch SET status = 'failed', error = 'The run stopped without finishing (the server restarted); start a new batch', updated_at = now()
        WHERE status = 'running' AND updated_at < now() - make_interval(mins => $1)`,
      [STALE_RUN_MINUTES],
    );
  }

  async list(query: ParsedListQuery): Promise<ListResult<PlacementBatch>> {
    await this.failStaleRuns();
    return fetchPage(this.dataSource.getRepository(PlacementBatch).createQueryBuilder('b'), query, BATCH_LIST);
  }

  async get(id: number): Promise<PlacementBatch> {
    await this.failStaleRuns();
    const batch = await this.dataSource.getRepository(PlacementBatch).findOneBy({ id });
    if (!batch) throw DomainError.notFound('placement_batch');
    return batch;
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
    const [peek] = await manager.query<{ batch_id: number }[]>('SELECT batch_id FROM placement_proposal WHERE id = $1', [
      proposalId,
    ]);
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
      throw DomainError.invalid({ regionId: coded('placement.no_quota_in_region', { category: batch.category, year: batch.year }) });
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
          result.skipped.push({ proposalId: proposal.id, reason: englishMessage(message.code, message.params), ...message });
        const request = await this.placement.lockRequest(manager, proposal.inclusion_request_id);
        if (!request || request.status !== 'submitted') {
          skip(coded('placement.request_not_open', { requestStatus: request?.status ?? 'withdrawn' }));
          continue;
        }
        const balance = balances.get(proposal.region_id) ?? 0;
        if (request.persons > balance) {
          skip(coded('quota.full', { category: batch.category, year: batch.year, free: balance, needed: request.persons }));
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

const round = (n: number) => Math.round(n * 1e4) / 1e4;

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
