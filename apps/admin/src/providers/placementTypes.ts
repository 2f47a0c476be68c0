import type {
  BatchStatus,
  Housing,
  InclusionStatus,
  PlacementReason,
  PlacementReport,
  PlacementWeightKey,
  QuotaCategory,
  SettlementStatus,
} from '@qonys/domain';

/**
 * The shapes the API answers for quotas, inclusion, settlement and placement
 * (apps/api/src/modules/{quotas,inclusion,settlements,placement}).
 */

/** The case a row of settlement work belongs to, named beside the row (number and the applicant's name). */
export interface CaseNames {
  applicationId: number;
  applicationNumber: string | null;
  applicantName: string | null;
}

export interface CapacityChange {
  entryDate: string;
  capacityDelta: number;
  legalAct: string;
  reason: string;
  version: number;
}

export interface InclusionRequest extends CaseNames {
  id: number;
  year: number;
  category: QuotaCategory;
  status: InclusionStatus;
  preferredRegionIds: number[];
  consent: boolean;
  relativesRegionIds: number[];
  adaptationServices: string[];
  adaptationNotes: string | null;
  persons: number;
  regionId: number;
  /** The region of the case (whose staff may open it). */
  caseRegionId: number;
  deadlineDue: string | null;
  decidedAt: string | null;
  refusalReason: string | null;
  version: number;
}

export interface InclusionDecision {
  decision: 'include' | 'refuse';
  regionId?: number;
  reason?: string;
  version: number;
}

export interface Settlement extends CaseNames {
  id: number;
  reservationId: number;
  regionId: number;
  district: string | null;
  locality: string | null;
  housing: Housing | null;
  plannedArrival: string | null;
  actualArrival: string | null;
  status: SettlementStatus;
  year: number;
  persons: number;
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
  createdAt: string;
  version: number;
}

export interface PlacementProposal extends CaseNames {
  id: number;
  batchId: number;
  inclusionRequestId: number;
  persons: number;
  proposedRegionId: number | null;
  finalRegionId: number | null;
  score: number | null;
  reasons: PlacementReason[] | null;
  overrideRegionId: number | null;
  overrideReason: string | null;
  acceptedAt: string | null;
  reservationId: number | null;
}

export interface AcceptResult {
  accepted: {
    proposalId: number;
    inclusionRequestId: number;
    regionId: number;
    reservationId: number;
    persons: number;
  }[];
  skipped: { proposalId: number; reason: string }[];
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
