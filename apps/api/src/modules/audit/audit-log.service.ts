import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { fetchPage, ListResult, type ListSpec, type ParsedListQuery } from '../../common/list/list-query';
import { dateFrom, dateTo, ids, integerEquals, textEquals } from '../../common/list/filters';
import { DataKeysService } from '../data-keys/data-keys.service';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { AuditCheckpointService, type StoredCheckpoint } from './audit-checkpoint.service';
import { auditHash, GENESIS_HASH, type HashedAuditFields } from './audit-hash';
import type { CheckpointStatement } from './checkpoint-signature';
import { AuditEvent } from './entities/audit-event.entity';
import { openChanges, PERSONAL_FIELDS, sealedFor } from './personal-values';

export const AUDIT_LIST: ListSpec<AuditEvent> = {
  resource: 'audit-events',
  sortable: { id: 'e.id', occurredAt: 'e.id', action: 'e.action', actorUsername: 'e.actor_username' },
  defaultSort: ['id', 'DESC'],
  countLimit: 10_000,
  filters: {
    id: ids('e.id'),
    actorId: integerEquals('e.actor_id', 1),
    regionId: integerEquals('e.region_id', 1),
    action: textEquals('e.action'),
    entityType: textEquals('e.entity_type'),
    entityId: textEquals('e.entity_id'),
    occurredFrom: dateFrom('e.occurred_at'),
    occurredTo: dateTo('e.occurred_at'),
  },
};

/** An entry of a person's access log: who read or changed them, when, how. */
export type PersonAccessEntry = Pick<
  AuditEvent,
  'id' | 'occurredAt' | 'actorId' | 'actorUsername' | 'actorRole' | 'action' | 'entityType' | 'entityId'
>;

export const PERSON_ACCESS_LIST: ListSpec<AuditEvent> = {
  resource: 'person-access',
  // Served backwards by person_access's primary key (person_id, audit_event_id).
  sortable: { id: 'pa.audit_event_id', occurredAt: 'pa.audit_event_id' },
  defaultSort: ['id', 'DESC'],
  filters: {
    action: textEquals('e.action'),
    actorId: integerEquals('e.actor_id', 1),
    occurredFrom: dateFrom('e.occurred_at'),
    occurredTo: dateTo('e.occurred_at'),
  },
};

export interface ChainProblem {
  code:
    | 'audit.chain.row_altered'
    | 'audit.chain.key_missing'
    | 'audit.chain.rows_missing'
    | 'audit.chain.checkpoint_mismatch'
    | 'audit.chain.checkpoint_missing'
    | 'audit.chain.checkpoint_unreadable'
    | 'audit.chain.checkpoint_key_unknown'
    | 'audit.chain.checkpoint_signature_invalid';
  params: Record<string, string>;
}

export interface ChainVerification {
  valid: boolean;
  checked: number;
  /** The first row whose link or hash does not hold. */
  firstBrokenId: string | null;
  /** Why the chain is not valid, as a message code and its parameters (libs/domain messages.ts). */
  problem: ChainProblem | null;
  /** The signed checkpoint from the object store the chain was checked against. */
  checkpoint: CheckpointStatement | null;
}

interface RawAuditRow {
  id: string;
  occurred_at: Date;
  actor_id: number | null;
  actor_username: string | null;
  actor_role: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  region_id: number | null;
  changes: unknown;
  request_id: string | null;
  ip: string | null;
  prev_hash: string;
  hash: string;
  key_id: string | null;
}

// Large enough that round trips do not dominate, small enough to keep memory flat at any length.
const VERIFY_BATCH = 10_000;
// Ordered by the bigint column, not the text output column of the same name.
const VERIFY_SQL = `SELECT e.id::text AS id, occurred_at, actor_id, actor_username, actor_role, action, entity_type,
  entity_id, region_id, changes, request_id, ip, prev_hash, hash, key_id
  FROM audit_event e WHERE e.id > $1 ORDER BY e.id LIMIT ${VERIFY_BATCH}`;

/** Reading the audit log: browsing it and re-walking its hash chain. */
@Injectable()
export class AuditLogService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'auditChainKeys'>,
    private readonly checkpoints: AuditCheckpointService,
    private readonly dataKeys: DataKeysService,
  ) {}

  async list(query: ParsedListQuery): Promise<ListResult<AuditEvent>> {
    const page = await fetchPage(this.dataSource.getRepository(AuditEvent).createQueryBuilder('e'), query, AUDIT_LIST);
    return new ListResult(page.resource, await this.opened(page.items), page.start, page.total);
  }

  /** The entries naming a person (docs/personal-data.md, Reads), newest first. */
  async accessLog(personId: number, query: ParsedListQuery): Promise<ListResult<PersonAccessEntry>> {
    const qb = this.dataSource
      .getRepository(AuditEvent)
      .createQueryBuilder('e')
      .select([
        'e.id',
        'e.occurredAt',
        'e.actorId',
        'e.actorUsername',
        'e.actorRole',
        'e.action',
        'e.entityType',
        'e.entityId',
      ])
      .innerJoin('person_access', 'pa', 'pa.audit_event_id = e.id')
      .where('pa.person_id = :personId', { personId });
    return fetchPage(qb, query, PERSON_ACCESS_LIST);
  }

  async get(id: string): Promise<AuditEvent> {
    if (!/^\d{1,18}$/.test(id)) throw DomainError.notFound('audit_event');
    const event = await this.dataSource.getRepository(AuditEvent).findOneBy({ id });
    if (!event) throw DomainError.notFound('audit_event');
    const [opened] = await this.opened([event]);
    return opened;
  }

  /**
   * Entries about the person that hold a personal value in clear: written before values
   * were sealed (migration 1764000000015); the append-only chain keeps them as they are.
   */
  async countClearPersonalEntries(manager: EntityManager, personId: number): Promise<number> {
    const [row] = await manager.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM audit_event e
       WHERE e.entity_type = 'person' AND e.entity_id = $1 AND EXISTS (
         SELECT 1 FROM jsonb_each(e.changes) c
         WHERE c.key = ANY($2::text[])
           AND (jsonb_typeof(c.value -> 'before') IN ('string', 'array', 'number')
             OR jsonb_typeof(c.value -> 'after') IN ('string', 'array', 'number')))`,
      [String(personId), [...PERSONAL_FIELDS]],
    );
    return row.n;
  }

  /** The events with their personal values opened by their persons' keys ("erased" where a key is gone). */
  private async opened(events: AuditEvent[]): Promise<AuditEvent[]> {
    const personIds = events.flatMap((event) => sealedFor(event.changes));
    if (personIds.length === 0) return events;
    const keys = await this.dataKeys.forReading(this.dataSource.manager, personIds);
    return events.map((event) => ({ ...event, changes: openChanges(event.changes, keys) }));
  }

  /**
   * Recomputes every row's HMAC in id order with the key its row names, and checks the
   * chain against the latest signed checkpoint in the object store: names the first row
   * that does not hold, or the rows missing from the end (docs/audit-chain.md).
   */
  async verify(): Promise<ChainVerification> {
    const stored = await this.checkpoints.latest();
    const checkpoint = stored.state === 'none' || stored.state === 'missing' || stored.state === 'unreadable' ? null : stored.signed.checkpoint;
    const anchor = stored.state === 'valid' ? stored.signed.checkpoint : null;
    const result = (checked: number, firstBrokenId: string | null, problem: ChainProblem | null): ChainVerification => ({
      valid: problem === null,
      checked,
      firstBrokenId,
      problem,
      checkpoint,
    });

    const keys = this.config.auditChainKeys.keys;
    const anchorId = anchor ? BigInt(anchor.lastEventId) : null;
    let reachedAnchor = false;
    let prevHash = GENESIS_HASH;
    let keyed = false;
    let checked = 0;
    let lastId = '0';
    const fetch = (afterId: string) => {
      const rows = this.dataSource.query<RawAuditRow[]>(VERIFY_SQL, [afterId]);
      // An early return leaves the prefetched batch unread: its failure must not go unhandled.
      rows.catch(() => undefined);
      return rows;
    };
    let next: Promise<RawAuditRow[]> | null = fetch('0');
    while (next) {
      const batch: RawAuditRow[] = await next;
      // The next batch is read while this one is hashed.
      next = batch.length === VERIFY_BATCH ? fetch(batch[batch.length - 1].id) : null;
      for (const row of batch) {
        const altered = result(checked, row.id, { code: 'audit.chain.row_altered', params: { id: row.id } });
        if (row.prev_hash !== prevHash) return altered;
        let key: Buffer | null = null;
        if (row.key_id === null) {
          // Legacy sha256 rows only ever precede the keyed ones: a later one is a downgrade.
          if (keyed) return altered;
        } else {
          key = keys.get(row.key_id) ?? null;
          if (!key) return result(checked, row.id, { code: 'audit.chain.key_missing', params: { id: row.id, keyId: row.key_id } });
          keyed = true;
        }
        if (auditHash(prevHash, toHashed(row), key) !== row.hash) return altered;
        prevHash = row.hash;
        lastId = row.id;
        checked++;
        if (anchor && !reachedAnchor && BigInt(row.id) >= anchorId!) {
          reachedAnchor = true;
          if (row.id !== anchor.lastEventId || row.hash !== anchor.lastHash || String(checked) !== anchor.eventCount) {
            return result(checked, row.id, {
              code: 'audit.chain.checkpoint_mismatch',
              params: { id: anchor.lastEventId, checkpointId: anchor.id },
            });
          }
        }
      }
    }
    if (anchor && !reachedAnchor) {
      return result(checked, null, {
        code: 'audit.chain.rows_missing',
        params: {
          afterId: lastId,
          throughId: anchor.lastEventId,
          count: String(BigInt(anchor.eventCount) - BigInt(checked)),
          checkpointId: anchor.id,
        },
      });
    }
    return result(checked, null, checkpointProblem(stored));
  }
}

/** Why the stored checkpoint could not vouch for the chain, if it could not. */
function checkpointProblem(stored: StoredCheckpoint): ChainProblem | null {
  switch (stored.state) {
    case 'none':
    case 'valid':
      return null;
    case 'missing':
      return { code: 'audit.chain.checkpoint_missing', params: {} };
    case 'unreadable':
      return { code: 'audit.chain.checkpoint_unreadable', params: {} };
    case 'unknown_key':
      return {
        code: 'audit.chain.checkpoint_key_unknown',
        params: { checkpointId: stored.signed.checkpoint.id, keyId: stored.signed.checkpoint.keyId },
      };
    case 'bad_signature':
      return { code: 'audit.chain.checkpoint_signature_invalid', params: { checkpointId: stored.signed.checkpoint.id } };
  }
}

const toHashed = (row: RawAuditRow): HashedAuditFields => ({
  id: row.id,
  occurredAt: row.occurred_at,
  actorId: row.actor_id,
  actorUsername: row.actor_username,
  actorRole: row.actor_role,
  action: row.action,
  entityType: row.entity_type,
  entityId: row.entity_id,
  regionId: row.region_id,
  changes: row.changes,
  requestId: row.request_id,
  ip: row.ip,
  keyId: row.key_id,
});
