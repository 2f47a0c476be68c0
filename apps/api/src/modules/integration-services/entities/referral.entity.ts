import type {
  ReferralCancelReason,
  ReferralFailureReason,
  ReferralOutcome,
  ReferralRejectReason,
  ReferralState,
} from '@qonys/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A plan item sent to a provider, and what became of it (docs/integration-services.md). */
@Entity('referral')
export class Referral {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  planItemId: number;

  @Column({ type: 'int' })
  applicationId: number;

  @Column({ type: 'int' })
  regionId: number;

  @Column({ type: 'int' })
  providerId: number;

  @Column({ type: 'int' })
  providerServiceId: number;

  @Column({ type: 'int', nullable: true })
  personId: number | null;

  /** The month the service is wanted in (its first day), whose places it takes. */
  @Column({ type: 'date' })
  period: string;

  @Column({ type: 'varchar', default: 'requested' })
  state: ReferralState;

  /** The family agreed that the provider may see who they are and how to reach them. */
  @Column({ type: 'boolean' })
  consentToShare: boolean;

  /** When the provider's answer is due (working days from the request). */
  @Column({ type: 'date' })
  dueDate: string;

  @Column({ type: 'timestamptz' })
  requestedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  waitlistedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  enrolledAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ type: 'varchar', nullable: true })
  rejectReason: ReferralRejectReason | null;

  @Column({ type: 'varchar', nullable: true })
  outcome: ReferralOutcome | null;

  @Column({ type: 'varchar', nullable: true })
  failureReason: ReferralFailureReason | null;

  @Column({ type: 'varchar', nullable: true })
  cancelReason: ReferralCancelReason | null;

  /** What the referring side wrote for the provider. */
  @Column({ type: 'varchar', nullable: true })
  note: string | null;

  @Column({ type: 'varchar', nullable: true })
  providerNotes: string | null;

  @Column({ type: 'int', nullable: true })
  createdBy: number | null;

  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
