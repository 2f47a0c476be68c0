import type { EmploymentRoute, EmploymentStatus, FollowUpState, Housing, LanguageLevel, SchoolingState } from '@qonys/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A follow-up of an arrived family's outcomes, due 3, 6 or 12 months after arrival. */
@Entity('outcome_follow_up')
export class OutcomeFollowUp {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  settlementId: number;

  @Column({ type: 'int' })
  applicationId: number;

  @Column({ type: 'int' })
  regionId: number;

  /** 1, 2 or 3: the settings follow_up_first, _second, _third. */
  @Column({ type: 'int' })
  round: number;

  @Column({ type: 'date' })
  dueDate: string;

  @Column({ type: 'varchar', default: 'open' })
  state: FollowUpState;

  @Column({ type: 'varchar', nullable: true })
  employment: EmploymentStatus | null;

  @Column({ type: 'varchar', nullable: true })
  employmentRoute: EmploymentRoute | null;

  @Column({ type: 'varchar', nullable: true })
  languageLevel: LanguageLevel | null;

  @Column({ type: 'varchar', nullable: true })
  schooling: SchoolingState | null;

  @Column({ type: 'varchar', nullable: true })
  housing: Housing | null;

  @Column({ type: 'varchar', nullable: true })
  note: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  doneAt: Date | null;

  @Column({ type: 'int', nullable: true })
  doneBy: number | null;

  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
