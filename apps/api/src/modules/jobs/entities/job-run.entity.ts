import type { JobRunState, MessageParams } from '@qonys/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One run of a background job, queued by a person (`requestedBy`) or by its schedule. */
@Entity('job_run')
export class JobRun {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar' })
  jobName: string;

  @Column({ type: 'varchar', default: 'queued' })
  state: JobRunState;

  @Column({ type: 'jsonb', default: {} })
  params: Record<string, unknown>;

  /** How many items the current phase has, when the job knows. */
  @Column({ type: 'int', nullable: true })
  total: number | null;

  @Column({ type: 'int', default: 0 })
  processed: number;

  @Column({ type: 'int', default: 0 })
  failed: number;

  /** A message code (libs/domain messages.ts) naming what the run is doing. */
  @Column({ type: 'varchar', nullable: true })
  phase: string | null;

  @Column({ type: 'jsonb', nullable: true })
  result: Record<string, unknown> | null;

  @Column({ type: 'varchar', nullable: true })
  errorCode: string | null;

  @Column({ type: 'jsonb', nullable: true })
  errorParams: MessageParams | null;

  /** How many times a worker has started it (pg-boss retries an unexpected failure). */
  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  queuedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  heartbeatAt: Date | null;

  @Column({ type: 'int', nullable: true })
  requestedBy: number | null;
}
