import { type ApplicationEventType } from '@qonys/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One line of a case's timeline: who did what, when, with which comment. */
@Entity('application_event')
export class ApplicationEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'int' })
  applicationId: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;

  @Column({ type: 'int', nullable: true })
  actorId: number | null;

  @Column({ type: 'varchar' })
  type: ApplicationEventType;

  @Column({ type: 'varchar', nullable: true })
  transition: string | null;

  @Column({ type: 'varchar', nullable: true })
  fromStatus: string | null;

  @Column({ type: 'varchar', nullable: true })
  toStatus: string | null;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ type: 'jsonb', nullable: true })
  data: Record<string, unknown> | null;
}
