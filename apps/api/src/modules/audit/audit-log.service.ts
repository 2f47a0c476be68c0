import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { fetchPage, ListResult, type ListSpec, type ParsedListQuery } from '../../common/list/list-query';
import { dateFrom, dateTo, ids, integerEquals, textEquals } from '../../common/list/filters';
import { DataKeysService } from '../data-keys/data-keys.service';
import { auditHash, GENESIS_HASH } from './audit-hash';
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

export interface ChainVerification {
  valid: boolean;
  checked: number;
  firstBrokenId: string | null;
}

const VERIFY_BATCH = 5000;

/** Reading the audit log: browsing it and re-walking its hash chain. */
@Injectable()
export class AuditLogService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
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

  /** Recomputes every row's hash in id order; names the first row that does not match. */
  async verify(): Promise<ChainVerification> {
    const repo = this.dataSource.getRepository(AuditEvent);
    let prevHash = GENESIS_HASH;
    let afterId = '0';
    let checked = 0;
    for (;;) {
      const batch = await repo
        .createQueryBuilder('e')
        .where('e.id > :afterId', { afterId })
        .orderBy('e.id', 'ASC')
        .limit(VERIFY_BATCH)
        .getMany();
      for (const row of batch) {
        if (row.prevHash !== prevHash || auditHash(prevHash, row) !== row.hash) {
          return { valid: false, checked, firstBrokenId: row.id };
        }
        prevHash = row.hash;
        checked++;
      }
      if (batch.length < VERIFY_BATCH) return { valid: true, checked, firstBrokenId: null };
      afterId = batch[batch.length - 1].id;
    }
  }
}
