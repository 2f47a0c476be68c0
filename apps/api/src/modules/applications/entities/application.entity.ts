import { type ApplicationStatus, type Channel, type CorrespondenceLanguage, type DeadlineStage } from '@qonys/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VirtualColumn } from 'typeorm';

/** A returning family's case for kandas status. */
@Entity('application')
export class Application {
  @PrimaryGeneratedColumn()
  id: number;

  /** KND-<year>-<6 digits>, assigned at submission. */
  @Column({ type: 'varchar', nullable: true })
  number: string | null;

  @Column({ type: 'varchar', default: 'draft' })
  status: ApplicationStatus;

  @Column({ type: 'varchar' })
  channel: Channel;

  /** Region of the local executive body handling the case. */
  @Column({ type: 'int' })
  regionId: number;

  @Column({ type: 'int', nullable: true })
  assignedToId: number | null;

  @Column({ type: 'int' })
  applicantId: number;

  /** The language the family chose for messages and letters: kk or ru (docs/applicant-messages.md). */
  @Column({ type: 'varchar', default: 'kk' })
  correspondenceLanguage: CorrespondenceLanguage;

  @Column({ type: 'varchar', nullable: true })
  deadlineStage: DeadlineStage | null;

  @Column({ type: 'date', nullable: true })
  deadlineDue: string | null;

  /** Working days that were left when information was requested (the clock is paused). */
  @Column({ type: 'int', nullable: true })
  deadlinePausedRemaining: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  legalGroundId: number | null;

  @Column({ type: 'text', nullable: true })
  decisionComment: string | null;

  @Column({ type: 'date', nullable: true })
  statusValidFrom: string | null;

  @Column({ type: 'date', nullable: true })
  statusValidTo: string | null;

  @Column({ type: 'int', default: 0 })
  extensionCount: number;

  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ type: 'int', nullable: true })
  createdBy: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  /** Family members listed on the case (read-only; one indexed subquery per row, so lists need no extra query). */
  @VirtualColumn({
    type: 'int',
    query: (alias) =>
      `SELECT count(*)::int FROM application_member member_count WHERE member_count.application_id = ${alias}.id`,
  })
  memberCount: number;
}
