import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CHECKPOINT_STORE } from '../../common/storage/file-store.provider';
import { type FileStore, StoredFileMissing } from '../../common/storage/file-store';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import type { JobProgress } from '../jobs/job-handler';
import { AuditCheckpoint } from './entities/audit-checkpoint.entity';
import { type CheckpointStatement, CheckpointKeys, type SignedCheckpoint } from './checkpoint-signature';

/** The newest signed checkpoint, overwritten by each new one; the dated copies stay. */
export const LATEST_CHECKPOINT_KEY = 'audit-checkpoints/latest.json';

const datedKey = (statement: CheckpointStatement): string => {
  const at = new Date(statement.createdAt);
  const month = String(at.getUTCMonth() + 1).padStart(2, '0');
  return `audit-checkpoints/${at.getUTCFullYear()}/${month}/${statement.id}.json`;
};

/** The latest checkpoint as read from the object store, or why it could not be used. */
export type StoredCheckpoint =
  | { state: 'none' }
  | { state: 'missing' }
  | { state: 'unreadable' }
  | { state: 'unknown_key'; signed: SignedCheckpoint }
  | { state: 'bad_signature'; signed: SignedCheckpoint }
  | { state: 'valid'; signed: SignedCheckpoint };

/**
 * Signed checkpoints of the audit chain's head (docs/audit-chain.md): written to the
 * object store, where the database's superuser cannot reach them, and listed in the database.
 */
@Injectable()
export class AuditCheckpointService {
  private readonly keys: CheckpointKeys;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CHECKPOINT_STORE) private readonly store: FileStore,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.keys = new CheckpointKeys(config.auditCheckpointKeys);
  }

  /** Signs the chain's current head; null when the log is still empty. Run hourly as job `audit-checkpoint`. */
  async writeCheckpoint(progress?: JobProgress): Promise<AuditCheckpoint | null> {
    await progress?.phase('job.phase.audit_checkpoint', 1);
    const checkpoint = await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      // Ids are taken and committed under the chain lock, so any snapshot holds a whole prefix of the chain.
      const [head] = await manager.query<{ id: string; hash: string; count: string }[]>(
        `SELECT e.id::text AS id, e.hash, (SELECT count(*) FROM audit_event)::text AS count
         FROM audit_event e ORDER BY e.id DESC LIMIT 1`,
      );
      if (!head) return null;
      const [{ id }] = await manager.query<{ id: string }[]>(`SELECT nextval('audit_checkpoint_id_seq')::text AS id`);
      const statement: CheckpointStatement = {
        id,
        lastEventId: head.id,
        lastHash: head.hash,
        eventCount: head.count,
        createdAt: new Date().toISOString(),
        keyId: this.keys.currentId,
      };
      const signed: SignedCheckpoint = { checkpoint: statement, signature: this.keys.sign(statement) };
      const row: AuditCheckpoint = {
        ...statement,
        createdAt: new Date(statement.createdAt),
        signature: signed.signature,
        storageKey: datedKey(statement),
      };
      await manager.query(
        `INSERT INTO audit_checkpoint (id, last_event_id, last_hash, event_count, created_at, key_id, signature, storage_key)
         OVERRIDING SYSTEM VALUE VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          row.id,
          row.lastEventId,
          row.lastHash,
          row.eventCount,
          row.createdAt,
          row.keyId,
          row.signature,
          row.storageKey,
        ],
      );
      // In the transaction: a checkpoint the store refused is not listed either.
      const file = Buffer.from(JSON.stringify(signed, null, 2));
      await this.store.put(row.storageKey, file, 'application/json');
      await this.store.put(LATEST_CHECKPOINT_KEY, file, 'application/json');
      return row;
    });
    await progress?.advance(1);
    return checkpoint;
  }

  /** Newest first. */
  list(limit: number): Promise<AuditCheckpoint[]> {
    return this.dataSource.getRepository(AuditCheckpoint).find({ order: { id: 'DESC' }, take: limit });
  }

  /** Whether the database lists any checkpoint: then the store must hold one too. */
  async anyListed(): Promise<boolean> {
    return (await this.dataSource.getRepository(AuditCheckpoint).count({ take: 1 })) > 0;
  }

  /** The latest checkpoint from the object store (not the database, which an attacker may have rewritten), checked. */
  async latest(): Promise<StoredCheckpoint> {
    let text: string;
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of await this.store.get(LATEST_CHECKPOINT_KEY)) chunks.push(chunk as Buffer);
      text = Buffer.concat(chunks).toString('utf8');
    } catch (error) {
      if (!(error instanceof StoredFileMissing)) throw error;
      return (await this.anyListed()) ? { state: 'missing' } : { state: 'none' };
    }
    const signed = parseSigned(text);
    if (!signed) return { state: 'unreadable' };
    const valid = this.keys.verify(signed);
    if (valid === null) return { state: 'unknown_key', signed };
    return valid ? { state: 'valid', signed } : { state: 'bad_signature', signed };
  }

  /** The latest checkpoint and the key to check it with, for the public. */
  async published(): Promise<(SignedCheckpoint & { publicKey: string }) | null> {
    const latest = await this.latest();
    if (latest.state !== 'valid') return null;
    return { ...latest.signed, publicKey: this.keys.publicKeyPem(latest.signed.checkpoint.keyId)! };
  }
}

const STATEMENT_FIELDS = ['id', 'lastEventId', 'lastHash', 'eventCount', 'createdAt', 'keyId'] as const;

/** The stored file's shape, checked field by field: it came from outside the process. */
function parseSigned(text: string): SignedCheckpoint | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const { checkpoint, signature } = (value ?? {}) as Partial<Record<'checkpoint' | 'signature', unknown>>;
  if (typeof signature !== 'string' || checkpoint === null || typeof checkpoint !== 'object') return null;
  const fields = checkpoint as Record<string, unknown>;
  if (!STATEMENT_FIELDS.every((f) => typeof fields[f] === 'string')) return null;
  const statement = Object.fromEntries(STATEMENT_FIELDS.map((f) => [f, fields[f]])) as unknown as CheckpointStatement;
  return { checkpoint: statement, signature };
}
