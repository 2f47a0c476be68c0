import type { CodedMessage, LedgerKind } from '@qonys/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One change of a quota; the table is append-only (a trigger refuses UPDATE and DELETE). */
@Entity('quota_ledger_entry')
export class QuotaLedgerEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'int' })
  quotaId: number;

  @Column({ type: 'date' })
  entryDate: string;

  @Column({ type: 'varchar' })
  kind: LedgerKind;

  @Column({ type: 'int', default: 0 })
  capacityDelta: number;

  @Column({ type: 'int', default: 0 })
  reservedDelta: number;

  @Column({ type: 'int', default: 0 })
  settledDelta: number;

  @Column({ type: 'varchar', nullable: true })
  legalAct: string | null;

  /** The reason a person typed, as typed. */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  /** The reason the system gives (initial quota, case closed), as a catalogue code; the reader's language renders it. */
  @Column({ type: 'jsonb', nullable: true })
  reasonCode: CodedMessage | null;

  @Column({ type: 'int', nullable: true })
  reservationId: number | null;

  @Column({ type: 'int', nullable: true })
  actorId: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
