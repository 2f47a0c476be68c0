import {
  type InclusionRequestRow,
  type PlacementProposalRow,
  type PlacementWeightKey,
  type QuotaCategory,
  type QuotaView,
  type SettlementRow,
  type TransferReason,
  type TransferRequestRow,
} from '@qonys/domain';
import { apiFetch } from './httpClient';
import type {
  AcceptResult,
  CapacityChange,
  ImportResult,
  InclusionDecision,
  PlacementBatch,
  PlacementWeight,
  RecommendationList,
} from './placementTypes';

const post = (path: string, body: unknown) => apiFetch(path, { method: 'POST', body: JSON.stringify(body) });

/** Why a family should move, and their consent to a region they did not choose (docs/transfers.md). */
export interface TransferAsk {
  reasonCode?: TransferReason;
  consentDate?: string;
  consentDocument?: string;
}

/** A move the caller could make (200, what moved), or one asked of the receiving region (202, the request). */
export type MoveAnswer<T> = { done: T } | { requested: TransferRequestRow };

const moveAnswer = <T>(response: { status: number; json: unknown }): MoveAnswer<T> =>
  response.status === 202 ? { requested: response.json as TransferRequestRow } : { done: response.json as T };
const id = (value: number | string) => encodeURIComponent(value);

/** The quota, inclusion, settlement and placement calls beyond react-admin's CRUD. */
export interface PlacementMethods {
  changeQuotaCapacity(quotaId: number, change: CapacityChange): Promise<QuotaView>;
  decideInclusion(requestId: number, decision: InclusionDecision): Promise<InclusionRequestRow>;
  withdrawInclusion(requestId: number, reason: string, version: number): Promise<InclusionRequestRow>;
  confirmArrival(settlementId: number, actualArrival: string, version: number): Promise<SettlementRow>;
  recordDeparture(
    settlementId: number,
    departure: { departedOn: string; toRegionId?: number; version: number },
  ): Promise<SettlementRow>;
  moveSettlement(
    settlementId: number,
    move: TransferAsk & { regionId: number; reason: string; version: number },
  ): Promise<MoveAnswer<SettlementRow>>;
  getRecommendations(applicationId: number): Promise<RecommendationList>;
  startPlacementBatch(year: number, category: QuotaCategory): Promise<PlacementBatch>;
  getPlacementBatch(batchId: number): Promise<PlacementBatch>;
  overrideProposal(
    batchId: number,
    proposalId: number,
    override: TransferAsk & { regionId: number; reason: string },
  ): Promise<MoveAnswer<PlacementProposalRow>>;
  acceptTransfer(requestId: number, version: number): Promise<TransferRequestRow>;
  declineTransfer(requestId: number, reason: string, version: number): Promise<TransferRequestRow>;
  withdrawTransfer(requestId: number, version: number): Promise<TransferRequestRow>;
  acceptPlacementBatch(batchId: number, regionId?: number): Promise<AcceptResult>;
  getPlacementWeights(): Promise<PlacementWeight[]>;
  updatePlacementWeights(
    weights: { key: PlacementWeightKey; weight: number; version: number }[],
  ): Promise<PlacementWeight[]>;
  importLabourDemand(file: File, source?: string): Promise<ImportResult>;
}

export const placementMethods: PlacementMethods = {
  changeQuotaCapacity: async (quotaId, change) =>
    (await post(`/quotas/${id(quotaId)}/ledger`, change)).json as QuotaView,
  decideInclusion: async (requestId, decision) =>
    (await post(`/inclusion-requests/${id(requestId)}/decision`, decision)).json as InclusionRequestRow,
  withdrawInclusion: async (requestId, reason, version) =>
    (await post(`/inclusion-requests/${id(requestId)}/withdraw`, { reason, version })).json as InclusionRequestRow,
  confirmArrival: async (settlementId, actualArrival, version) =>
    (await post(`/settlements/${id(settlementId)}/arrival`, { actualArrival, version })).json as SettlementRow,
  recordDeparture: async (settlementId, departure) =>
    (await post(`/settlements/${id(settlementId)}/departure`, departure)).json as SettlementRow,
  moveSettlement: async (settlementId, move) => moveAnswer(await post(`/settlements/${id(settlementId)}/move`, move)),
  getRecommendations: async (applicationId) =>
    (await apiFetch(`/placement/recommendations?applicationId=${id(applicationId)}`)).json as RecommendationList,
  startPlacementBatch: async (year, category) =>
    (await post('/placement/batches', { year, category })).json as PlacementBatch,
  getPlacementBatch: async (batchId) => (await apiFetch(`/placement/batches/${id(batchId)}`)).json as PlacementBatch,
  overrideProposal: async (batchId, proposalId, override) =>
    moveAnswer(await post(`/placement/batches/${id(batchId)}/proposals/${id(proposalId)}/override`, override)),
  acceptTransfer: async (requestId, version) =>
    (await post(`/transfer-requests/${id(requestId)}/accept`, { version })).json as TransferRequestRow,
  declineTransfer: async (requestId, reason, version) =>
    (await post(`/transfer-requests/${id(requestId)}/decline`, { reason, version })).json as TransferRequestRow,
  withdrawTransfer: async (requestId, version) =>
    (await post(`/transfer-requests/${id(requestId)}/withdraw`, { version })).json as TransferRequestRow,
  acceptPlacementBatch: async (batchId, regionId) =>
    (await post(`/placement/batches/${id(batchId)}/accept`, regionId === undefined ? {} : { regionId }))
      .json as AcceptResult,
  getPlacementWeights: async () => (await apiFetch('/placement/weights')).json as PlacementWeight[],
  updatePlacementWeights: async (weights) =>
    (await apiFetch('/placement/weights', { method: 'PUT', body: JSON.stringify({ weights }) }))
      .json as PlacementWeight[],
  importLabourDemand: async (file, source) => {
    const body = new FormData();
    if (source) body.append('source', source);
    body.append('file', file, file.name);
    return (await apiFetch('/labour-demand/import', { method: 'POST', body })).json as ImportResult;
  },
};
