import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A field's value before and after a change; `null` on the missing side. */
export type FieldChanges = Record<string, { before: unknown; after: unknown }>;

/**
 * One row of the append-only, HMAC-chained audit log (docs/audit-chain.md). The database refuses
 * UPDATE and DELETE on this table (trigger in the foundation migration).
 */
@Entity('audit_event')
export class AuditEvent {
  /** Assigned from the sequence before hashing, so the id is part of the chain. */
  @PrimaryColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'int', nullable: true })
  actorId: number | null;

  @Column({ type: 'varchar', nullable: true })
  actorUsername: string | null;

  @Column({ type: 'varchar', nullable: true })
  actorRole: string | null;

  @Column({ type: 'varchar' })
  action: string;

  @Column({ type: 'varchar', nullable: true })
  entityType: string | null;

  @Column({ type: 'varchar', nullable: true })
  entityId: string | null;

  /** Region of the record concerned, when it has one. */
  @Column({ type: 'int', nullable: true })
  regionId: number | null;

  @Column({ type: 'jsonb', nullable: true })
  changes: FieldChanges | null;

  @Column({ type: 'varchar', nullable: true })
  requestId: string | null;

  @Column({ type: 'varchar', nullable: true })
  ip: string | null;

  @Column({ type: 'varchar' })
  prevHash: string;

  /** The AUDIT_CHAIN_KEYS id the hash is an HMAC with; null for rows from before the chain was keyed (plain sha256). */
  @Column({ type: 'varchar', nullable: true })
  keyId: string | null;

  @Column({ type: 'varchar' })
  hash: string;
}
