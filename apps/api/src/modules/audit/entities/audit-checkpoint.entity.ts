import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A signed statement of the audit chain's head at one moment; the signed copy that
 * counts lives in the object store (docs/audit-chain.md), this row lists it.
 */
@Entity('audit_checkpoint')
export class AuditCheckpoint {
  @PrimaryColumn({ type: 'bigint', generated: 'identity' })
  id: string;

  @Column({ type: 'bigint' })
  lastEventId: string;

  @Column({ type: 'varchar' })
  lastHash: string;

  @Column({ type: 'bigint' })
  eventCount: string;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  /** The AUDIT_CHECKPOINT_KEYS id of the signing key. */
  @Column({ type: 'varchar' })
  keyId: string;

  /** Ed25519 signature, base64, over the checkpoint's canonical JSON. */
  @Column({ type: 'varchar' })
  signature: string;

  @Column({ type: 'varchar' })
  storageKey: string;
}
