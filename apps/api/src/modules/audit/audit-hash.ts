import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit row that its hash covers, in their stored form. */
export interface HashedAuditFields {
  id: string;
  occurredAt: Date;
  actorId: number | null;
  actorUsername: string | null;
  actorRole: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  regionId: number | null;
  changes: unknown;
  requestId: string | null;
  ip: string | null;
}

/** JSON with object keys sorted at every depth, so jsonb's reordering cannot change it. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** sha256(previous hash ‖ canonical row): each row seals the one before it. */
export function auditHash(prevHash: string, row: HashedAuditFields): string {
  const canonical = canonicalJson({
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    actorId: row.actorId,
    actorUsername: row.actorUsername,
    actorRole: row.actorRole,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    regionId: row.regionId,
    changes: row.changes,
    requestId: row.requestId,
    ip: row.ip,
  });
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}
