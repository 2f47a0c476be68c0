import type { LedgerEntryView, QuotaView } from '@qonys/domain';
import type { Quota } from './entities/quota.entity';
import type { QuotaLedgerEntry } from './entities/quota-ledger-entry.entity';

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

export const toLedgerView = (e: QuotaLedgerEntry): LedgerEntryView<Date> => ({
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
