import type { TransferKind, TransferReason, TransferRequestFields, TransferState } from '@qonys/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A request to move a family into another region's quota, decided by that region (docs/transfers.md). */
@Entity('transfer_request')
export class TransferRequest implements TransferRequestFields<Date> {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar' })
  kind: TransferKind;

  @Column({ type: 'int' })
  applicationId: number;

  @Column({ type: 'int', nullable: true })
  settlementId: number | null;

  @Column({ type: 'int', nullable: true })
  placementProposalId: number | null;

  @Column({ type: 'int' })
  fromRegionId: number;

  @Column({ type: 'int' })
  toRegionId: number;

  @Column({ type: 'varchar' })
  reasonCode: TransferReason;

  /** What the requesting official wrote. */
  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'date', nullable: true })
  consentDate: string | null;

  @Column({ type: 'varchar', nullable: true })
  consentDocument: string | null;

  @Column({ type: 'varchar', default: 'requested' })
  state: TransferState;

  @Column({ type: 'text', nullable: true })
  declineReason: string | null;

  @Column({ type: 'int' })
  requestedBy: number;

  @Column({ type: 'int', nullable: true })
  decidedBy: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  resultSettlementId: number | null;

  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
