import { type LedgerKind } from '@qonys/domain';
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

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'int', nullable: true })
  reservationId: number | null;

  @Column({ type: 'int', nullable: true })
  actorId: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
