import { createHash, createHmac } from 'node:crypto';

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
  /** null: a row from before the chain was keyed, hashed with plain sha256. */
  keyId: string | null;
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one; and NUL.
const UNSTORABLE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|\0/g;

/**
 * Text as PostgreSQL keeps it. The driver sends UTF-8, in which a lone surrogate becomes
 * U+FFFD; text and jsonb cannot hold NUL at all (the insert would fail). Both become
 * U+FFFD here, before hashing and before the insert, so the row stored is the row hashed.
 */
export function storedText(text: string): string {
  return text.replace(UNSTORABLE, '\ufffd');
}

/** A JSON value with every string (keys too) as PostgreSQL will store it. */
export function storedJson(value: unknown): unknown {
  if (typeof value === 'string') return storedText(value);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(storedJson);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    // undefined is dropped as JSON.stringify would drop it.
    if (v !== undefined) out[storedText(k)] = storedJson(v);
  }
  return out;
}

/** What a writer hands the chain: an entry, by whom and from where (AuditService's AuditEntry and RequestContext). */
export interface AuditRowSource {
  occurredAt: Date;
  action: string;
  entityType?: string;
  entityId?: string | number;
  regionId?: number | null;
  changes?: object | null;
  actor?: { id: number | null; username: string | null; role: string | null };
}

const stored = (text: string | null | undefined): string | null => (text == null ? null : storedText(text));

/** The row as PostgreSQL will store it, every text included, so the row hashed is the row stored. */
export function storedAuditRow(
  id: string,
  entry: AuditRowSource,
  context: { requestId: string | null; ip: string | null },
  keyId: string,
): HashedAuditFields {
  return {
    id,
    occurredAt: entry.occurredAt,
    actorId: entry.actor?.id ?? null,
    actorUsername: stored(entry.actor?.username),
    actorRole: stored(entry.actor?.role),
    action: storedText(entry.action),
    entityType: stored(entry.entityType),
    entityId: entry.entityId === undefined ? null : storedText(String(entry.entityId)),
    regionId: entry.regionId ?? null,
    // Round-trip through JSON so the hash covers exactly what jsonb will return.
    changes: entry.changes ? storedJson(JSON.parse(JSON.stringify(entry.changes))) : null,
    requestId: stored(context.requestId),
    ip: stored(context.ip),
    keyId,
  };
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

/**
 * HMAC-SHA256(key, previous hash ‖ canonical row), the key id inside the row: each row
 * seals the one before it, and nobody without the key can recompute the chain after an
 * edit. A legacy row (`keyId` null, `key` null) is plain sha256 over the same canonical form.
 */
export function auditHash(prevHash: string, row: HashedAuditFields, key: Buffer | null): string {
  const j = JSON.stringify;
  // canonicalJson of the row, spelled out in its sorted key order: verify runs this a million times.
  // keyId is absent for legacy rows, whose hash was computed without it.
  const canonical =
    `{"action":${j(row.action)},"actorId":${j(row.actorId)},"actorRole":${j(row.actorRole)},` +
    `"actorUsername":${j(row.actorUsername)},"changes":${canonicalJson(row.changes)},"entityId":${j(row.entityId)},` +
    `"entityType":${j(row.entityType)},"id":${j(row.id)},"ip":${j(row.ip)},` +
    (row.keyId === null ? '' : `"keyId":${j(row.keyId)},`) +
    `"occurredAt":${j(row.occurredAt.toISOString())},"regionId":${j(row.regionId)},"requestId":${j(row.requestId)}}`;
  const digest = key === null ? createHash('sha256') : createHmac('sha256', key);
  return digest.update(prevHash).update('\n').update(canonical).digest('hex');
}
