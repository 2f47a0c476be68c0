import type { CodedMessage } from '@qonys/domain';
import type { Quota } from './entities/quota.entity';
import type { QuotaLedgerEntry } from './entities/quota-ledger-entry.entity';

/** A quota as the API shows it: the balance is always capacity − reserved − settled. */
export interface QuotaView {
  id: number;
  year: number;
  regionId: number;
  category: Quota['category'];
  unit: Quota['unit'];
  capacity: number;
  reserved: number;
  settled: number;
  balance: number;
  legalAct: string;
  version: number;
}

export const toQuotaView = (q: Quota): QuotaView => ({
  id: q.id,
  year: q.year,
  regionId: q.regionId,
  category: q.category,
  unit: q.unit,
  capacity: q.capacity,
  reserved: q.reserved,
  settled: q.settled,
  balance: q.capacity - q.reserved - q.settled,
  legalAct: q.legalAct,
  version: q.version,
});

export interface LedgerEntryView {
  id: number;
  entryDate: string;
  kind: QuotaLedgerEntry['kind'];
  capacityDelta: number;
  reservedDelta: number;
  settledDelta: number;
  legalAct: string | null;
  reason: string | null;
  reasonCode: CodedMessage | null;
  reservationId: number | null;
  actorId: number | null;
  createdAt: Date;
}

export const toLedgerView = (e: QuotaLedgerEntry): LedgerEntryView => ({
  id: Number(e.id),
  entryDate: e.entryDate,
  kind: e.kind,
  capacityDelta: e.capacityDelta,
  reservedDelta: e.reservedDelta,
  settledDelta: e.settledDelta,
  legalAct: e.legalAct,
  reason: e.reason,
  reasonCode: e.reasonCode,
  reservationId: e.reservationId,
  actorId: e.actorId,
  createdAt: e.createdAt,
});
