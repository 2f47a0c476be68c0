import type { JobRun } from '../jobs/jobTypes';
import type {
  BatchStatus,
  CodedMessage,
  PlacementReason,
  PlacementReport,
  PlacementWeightKey,
  QuotaCategory,
} from '@qonys/domain';

/**
 * The rest of what the API answers for quotas, inclusion, settlement and placement
 * (apps/api/src/modules/{quotas,inclusion,settlements,placement}); quotas, inclusion
 * requests, settlements and proposals themselves are libs/domain's api-views.ts.
 */

export interface CapacityChange {
  entryDate: string;
  capacityDelta: number;
  legalAct: string;
  reason: string;
  version: number;
}

export interface InclusionDecision {
  decision: 'include' | 'refuse';
  regionId?: number;
  reason?: string;
  version: number;
}

/** GET /api/placement/recommendations: regions where the whole family fits, best first. */
export interface RecommendationList {
  applicationId: number;
  year: number;
  category: QuotaCategory;
  persons: number;
  regions: { regionId: number; score: number; remaining: number; reasons: PlacementReason[] }[];
}

/** A batch's report as stored: `firstChoice` is missing from runs made before it was counted. */
export type StoredReport = Omit<PlacementReport, 'firstChoice'> & { firstChoice?: number };

export interface PlacementBatch {
  id: number;
  year: number;
  category: QuotaCategory;
  status: BatchStatus;
  progress: number;
  families: number | null;
  totalScore: number | null;
  lpBound: number | null;
  gap: number | null;
  solveMs: number | null;
  fcfsReport: {
    optimal: StoredReport;
    firstComeFirstServed: StoredReport;
    solver?: { strategy: string; provenOptimal: boolean; fractionalFamilies: number; lpMs: number; repairMs: number };
  } | null;
  error: string | null;
  /** The job run computing it: its phase, progress and coded error (GET /placement/batches/:id only). */
  run?: JobRun | null;
  createdAt: string;
  version: number;
}

export interface AcceptResult {
  accepted: {
    proposalId: number;
    inclusionRequestId: number;
    regionId: number;
    reservationId: number;
    persons: number;
  }[];
  /** Why each family was skipped, as a code (`reason` is its English text). */
  skipped: ({ proposalId: number; reason: string } & CodedMessage)[];
  batch: PlacementBatch;
}

export interface PlacementWeight {
  key: PlacementWeightKey;
  weight: number | string;
  version: number;
}

/** POST /api/labour-demand/import: what was written, or (400) the rows refused. */
export interface ImportResult {
  created: number;
  updated: number;
  rows: number;
}
export interface ImportRowError {
  row: number;
  field: string;
  message: string;
}
