import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  firstComeFirstServed,
  placementReport,
  QUOTA_CATEGORIES,
  type QuotaCategory,
  scoreRegion,
  todayInKazakhstan,
  yearOf,
} from '@qonys/domain';
import type { DataSource } from 'typeorm';
import { coded, DomainError, type FieldMessages } from '../../common/errors/domain-error';
import type { JobHandler, JobProgress } from '../jobs/job-handler';
import { JobsService } from '../jobs/jobs.service';
import { PlacementBatch } from './entities/placement-batch.entity';
import { buildInstance } from './placement-instance';
import { PlacementBatchesService } from './placement-batches.service';
import { PlacementRepository } from './placement.repository';
import { PlacementService } from './placement.service';
import { solvePlacementInWorker } from './solve-in-worker';

const PROPOSAL_CHUNK = 1000;

/**
 * The placement batch run as the job `placement-batch` (on demand). The placement screen
 * opens the batch and queues the run with its `batchId`; "Run now" on the Jobs screen
 * passes a year and category (by default this year's kandas quota) and the run opens the
 * batch itself. Either way a run cut off with its server fails and blocks no new batch.
 */
@Injectable()
export class PlacementBatchJob implements JobHandler, OnModuleInit {
  readonly name = 'placement-batch';
  readonly schedule = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly batches: PlacementBatchesService,
    private readonly placement: PlacementRepository,
    private readonly scoring: PlacementService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(this);
  }

  parseParams(raw: unknown): Record<string, unknown> {
    const given = (raw ?? {}) as Record<string, unknown>;
    const errors: FieldMessages = {};
    for (const key of Object.keys(given))
      if (key !== 'year' && key !== 'category') errors[`params.${key}`] = 'validation.not_allowed';
    const year = given.year ?? yearOf(todayInKazakhstan());
    if (!Number.isInteger(year)) errors['params.year'] = 'validation.is_int';
    else if ((year as number) < 1990) errors['params.year'] = coded('validation.min', { min: 1990 });
    else if ((year as number) > 2200) errors['params.year'] = coded('validation.max', { max: 2200 });
    const category = given.category ?? 'kandas';
    if (!(QUOTA_CATEGORIES as readonly unknown[]).includes(category))
      errors['params.category'] = coded('validation.is_in', { values: QUOTA_CATEGORIES.join(', ') });
    if (Object.keys(errors).length > 0) throw DomainError.invalid(errors);
    return { year, category };
  }

  async run(params: Record<string, unknown>, progress: JobProgress, runId: string): Promise<Record<string, unknown>> {
    const started = performance.now();
    const id =
      typeof params.batchId === 'number'
        ? params.batchId
        : (await this.batches.openForRun(params.year as number, params.category as QuotaCategory, runId)).id;
    const batches = this.dataSource.getRepository(PlacementBatch);
    const percent = (value: number) => batches.update({ id }, { progress: value });
    const batch = await batches.findOneByOrFail({ id });
    await progress.phase('placement.phase_loading');
    await percent(10);
    const [families, regions, weights] = await Promise.all([
      this.placement.waitingFamilies(batch.year, batch.category),
      this.placement.openRegions(batch.year, batch.category),
      this.scoring.weights(),
    ]);
    const instance = buildInstance(families, regions, weights);
    await progress.phase('placement.phase_solving', families.length);
    const result = await solvePlacementInWorker(instance, {
      onPhase: async (phase) => {
        if (phase === 'repair') await progress.phase('placement.phase_repairing');
        await percent(phase === 'lp' ? 50 : 80);
      },
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
    await progress.phase('placement.phase_saving', families.length);
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
      for (let i = 0; i < rows.length; i += PROPOSAL_CHUNK) {
        const chunk = rows.slice(i, i + PROPOSAL_CHUNK);
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
    // Counted after the commit: on the embedded database a progress write waits for an open transaction.
    await progress.advance(families.length);
    const placed = result.regionOf.filter((r) => r !== null).length;
    return { batchId: id, families: families.length, placed, gap: result.gap };
  }
}

const round = (n: number) => Math.round(n * 1e4) / 1e4;
