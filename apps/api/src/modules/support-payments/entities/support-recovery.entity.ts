import type { SupportRecoveryState } from '@qonys/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { bigintAsNumber } from './support-payment.entity';

/** Support to be returned: the family left its settlement region within the residence obligation. */
@Entity('support_recovery')
export class SupportRecovery {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  applicationId: number;

  @Column({ type: 'int' })
  settlementId: number;

  /** The region the family left, whose support it was. */
  @Column({ type: 'int' })
  regionId: number;

  @Column({ type: 'date' })
  departedOn: string;

  /** The setting `residence_obligation` in force on the day, and its years. */
  @Column({ type: 'int' })
  settingId: number;

  @Column({ type: 'int' })
  years: number;

  @Column({ type: 'int', array: true })
  paymentIds: number[];

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  amountKzt: number;

  @Column({ type: 'varchar', default: 'open' })
  state: SupportRecoveryState;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  resolvedBy: number | null;

  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
