import type { PaymentBatchState } from '@qonys/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { bigintAsNumber } from './support-payment.entity';

/** A region's support payments of one month, as one bank register. */
@Entity('payment_batch')
export class PaymentBatch {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  regionId: number;

  /** The first day of the month. */
  @Column({ type: 'date' })
  month: string;

  @Column({ type: 'varchar', default: 'open' })
  state: PaymentBatchState;

  /** The payments that go out (all but the failed), kept with every write to them. */
  @Column({ type: 'int', default: 0 })
  count: number;

  @Column({ type: 'bigint', default: 0, transformer: bigintAsNumber })
  amountKzt: number;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
