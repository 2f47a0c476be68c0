import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/auth/actor';
import { bulkInsert, nextIds } from '../../common/persistence/bulk-insert';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { DataKeysService } from '../data-keys/data-keys.service';
import { auditHash, GENESIS_HASH, storedAuditRow } from './audit-hash';
import type { FieldChanges } from './entities/audit-event.entity';
import { hasPersonalValues, sealChanges } from './personal-values';

/** What a service says happened; who and from where come from the RequestContext. */
export interface AuditEntry {
  action: string;
  entityType?: string;
  entityId?: string | number;
  regionId?: number | null;
  changes?: FieldChanges | null;
  /**
   * The person whose personal values the changes hold, when the entity is not that person
   * (their document); an entry about a person is theirs without saying so.
   */
  personId?: number | null;
  /** Overrides the context's actor, e.g. a failed login names the account tried. */
  actor?: { id: number | null; username: string | null; role: string | null };
}

/** Values that must never reach the audit log in clear. */
const REDACTED_FIELDS = new Set(['passwordHash', 'mfaSecret', 'refreshSeed', 'mfaPendingSecret', 'password']);

/** Field-by-field before/after of the fields that differ; secrets are redacted. */
export function diff(before: object | null, after: object | null, fields?: string[]): FieldChanges {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = fields ?? [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const changes: FieldChanges = {};
  for (const key of keys) {
    if (key === 'version' || key === 'updatedAt' || key === 'createdAt') continue;
    const [x, y] = [normalise(b[key]), normalise(a[key])];
    if (JSON.stringify(x) === JSON.stringify(y)) continue;
    changes[key] = REDACTED_FIELDS.has(key)
      ? { before: x === null ? null : '[redacted]', after: y === null ? null : '[redacted]' }
      : { before: x, after: y };
  }
  return changes;
}

const normalise = (v: unknown): unknown => (v === undefined ? null : v instanceof Date ? v.toISOString() : v);

/** The person an entry's personal values belong to, if any. */
function subjectOf(entry: AuditEntry): number | null {
  if (entry.personId != null) return entry.personId;
  return entry.entityType === 'person' && entry.entityId !== undefined ? Number(entry.entityId) : null;
}

/** An entry of generated history: it happened at `occurredAt`, by `actor`. */
export type HistoricAuditEntry = AuditEntry & { occurredAt: Date };

const AUDIT_COLUMNS = [
  ['id', 'bigint'],
  ['occurred_at', 'timestamptz'],
  ['actor_id', 'int'],
  ['actor_username', 'text'],
  ['actor_role', 'text'],
  ['action', 'text'],
  ['entity_type', 'text'],
  ['entity_id', 'text'],
  ['region_id', 'int'],
  ['changes', 'jsonb'],
  ['request_id', 'text'],
  ['ip', 'text'],
  ['prev_hash', 'text'],
  ['hash', 'text'],
  ['key_id', 'text'],
] as const;


// Serialises writers of the chain (any replica): each row needs the hash of the one before.
const AUDIT_CHAIN_LOCK = 7_262_001;

@Injectable()
export class AuditService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'auditChainKeys'>,
    private readonly dataKeys: DataKeysService,
  ) {}

  /**
   * Appends entries inside the caller's transaction, so the change and its audit
   * rows commit or roll back together. Call it as the transaction's last step:
   * the chain lock is held until commit.
   */
  async record(manager: EntityManager, context: RequestContext, ...entries: AuditEntry[]): Promise<void> {
    const now = entries.map((entry) => ({ ...entry, actor: entry.actor ?? context.actor ?? undefined, occurredAt: new Date() }));
    await this.appendToChain(manager, context, now);
  }

  /** Holds the chain for the rest of the caller's transaction: for a writer that must look before it appends. */
  async lockChain(manager: EntityManager): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) throw new Error('AuditService needs a transaction to write the chain');
    await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
  }

  /** Appends generated history (the demo data): each entry at its own moment, by its own actor. */
  async recordHistory(manager: EntityManager, context: RequestContext, entries: HistoricAuditEntry[]): Promise<void> {
    await this.appendToChain(manager, context, entries);
  }

  /** Ids and hashes computed in bulk and inserted in chunks, the chain continued from its last row. */
  private async appendToChain(manager: EntityManager, context: RequestContext, entries: HistoricAuditEntry[]): Promise<void> {
    await this.lockChain(manager);
    const [last] = await manager.query<{ hash: string }[]>('SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1');
    let prevHash = last?.hash ?? GENESIS_HASH;
    const ids = await nextIds(manager, 'audit_event_id_seq', entries.length);
    const { currentId: keyId, keys } = this.config.auditChainKeys;
    const key = keys.get(keyId)!;
    const sealed = await this.sealPersonalValues(manager, entries);
    const rows = sealed.map((entry, i) => {
      const row = storedAuditRow(String(ids[i]), entry, context, keyId);
      const hash = auditHash(prevHash, row, key);
      const values = [
        row.id,
        row.occurredAt.toISOString(),
        row.actorId,
        row.actorUsername,
        row.actorRole,
        row.action,
        row.entityType,
        row.entityId,
        row.regionId,
        row.changes === null ? null : JSON.stringify(row.changes),
        row.requestId,
        row.ip,
        prevHash,
        hash,
        keyId,
      ];
      prevHash = hash;
      return values;
    });
    await bulkInsert(manager, 'audit_event', AUDIT_COLUMNS, rows);
  }

  /**
   * Each entry's personal values sealed with its person's data key (docs/personal-data.md,
   * Encryption), so the chain hashes ciphertext and still verifies once a key is destroyed.
   * The keys of the whole batch are fetched, and the missing ones created, at once.
   */
  private async sealPersonalValues(manager: EntityManager, entries: HistoricAuditEntry[]): Promise<HistoricAuditEntry[]> {
    const subjects = entries.map((entry) => (hasPersonalValues(entry.changes) ? subjectOf(entry) : null));
    const personIds = [...new Set(subjects.filter((id) => id !== null))];
    if (personIds.length === 0) return entries;
    const keys = await this.dataKeys.forWriting(manager, personIds);
    return entries.map((entry, i) => {
      const personId = subjects[i];
      return personId === null ? entry : { ...entry, changes: sealChanges(entry.changes!, personId, keys.get(personId) ?? null) };
    });
  }

  /** Records entries in a transaction of their own (failed logins, refused requests). */
  async recordAlone(context: RequestContext, ...entries: AuditEntry[]): Promise<void> {
    await this.dataSource.transaction((manager) => this.record(manager, context, ...entries));
  }
}
