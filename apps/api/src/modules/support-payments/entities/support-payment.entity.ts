import type { BenefitKind, PaymentCancelReason, PaymentState } from '@qonys/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** bigint columns arrive as text from pg; amounts stay far below 2^53 tenge. */
export const bigintAsNumber = {
  to: (value: number | null) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/**
 * A support payment as prepared (docs/support-payments.md, Payments): the computation it
 * was made with is stored, never recomputed, and it moves draft → approved → sent →
 * paid | failed → reconciled.
 */
@Entity('support_payment')
export class SupportPayment {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  applicationId: number;

  @Column({ type: 'int' })
  regionId: number;

  @Column({ type: 'int', nullable: true })
  batchId: number | null;

  @Column({ type: 'varchar' })
  kind: BenefitKind;

  @Column({ type: 'date' })
  eventDate: string;

  @Column({ type: 'int' })
  ruleId: number;

  /** The rule's flag when the payment was prepared. */
  @Column({ type: 'boolean' })
  unconfirmed: boolean;

  @Column({ type: 'int' })
  mciValue: number;

  @Column({ type: 'int' })
  persons: number;

  /** null for a share of a price, counted in tenge. */
  @Column({ type: 'int', nullable: true })
  amountMci: number | null;

  @Column({ type: 'int', nullable: true })
  monthlyMci: number | null;

  @Column({ type: 'int', nullable: true })
  months: number | null;

  /** The housing price a share was taken of. */
  @Column({ type: 'bigint', nullable: true, transformer: bigintAsNumber })
  priceKzt: number | null;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  amountKzt: number;

  @Column({ type: 'varchar', default: 'draft' })
  state: PaymentState;

  /** null: the system prepared it (a rent instalment). */
  @Column({ type: 'int', nullable: true })
  preparedBy: number | null;

  @Column({ type: 'int', nullable: true })
  approvedBy: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  paidAt: Date | null;

  @Column({ type: 'varchar', nullable: true })
  bankReference: string | null;

  /** What the bank gave as the reason of a failure. */
  @Column({ type: 'varchar', nullable: true })
  failureCode: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ type: 'varchar', nullable: true })
  cancelReason: PaymentCancelReason | null;

  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
