import type {
  ApplicantMessageChannel,
  ApplicantMessageKind,
  ApplicantMessageState,
  CorrespondenceLanguage,
} from '@qonys/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A message to a family in the outbox (docs/applicant-messages.md): written in the
 * transaction of the event it tells of, sent by the `applicant-messages` job.
 */
@Entity('applicant_message')
export class ApplicantMessage {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  applicationId: number;

  /** The applicant whose contact it goes to. */
  @Column({ type: 'int' })
  personId: number;

  @Column({ type: 'varchar' })
  kind: ApplicantMessageKind;

  /** Which occurrence of the kind (a timeline event, a referral, a payment, a status end date): one message each. */
  @Column({ type: 'varchar' })
  eventKey: string;

  @Column({ type: 'varchar' })
  channel: ApplicantMessageChannel;

  /** The e-mail address or phone number; null once the person is erased. */
  @Column({ type: 'varchar', nullable: true })
  recipient: string | null;

  @Column({ type: 'varchar' })
  language: CorrespondenceLanguage;

  /** What the texts were rendered from (no personal data: the case number and the event). */
  @Column({ type: 'jsonb' })
  params: Record<string, string>;

  /** E-mail only. */
  @Column({ type: 'varchar', nullable: true })
  subject: string | null;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', default: 'queued' })
  state: ApplicantMessageState;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz' })
  nextAttemptAt: Date;

  /** A catalogue code (applicant_message.*) with its params: why the last attempt failed. */
  @Column({ type: 'varchar', nullable: true })
  lastError: string | null;

  @Column({ type: 'jsonb', nullable: true })
  lastErrorParams: Record<string, string | number> | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
