import type { MessageParams, NotificationKind, NotificationResource } from '@qonys/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One notification for one staff member: what happened, and the record it links to (docs/notifications.md). */
@Entity('staff_notification')
export class StaffNotification {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  recipientId: number;

  @Column({ type: 'varchar' })
  kind: NotificationKind;

  @Column({ type: 'varchar' })
  resource: NotificationResource;

  @Column({ type: 'int' })
  recordId: number;

  /** Tells one event on the record from another (a timeline line, a state, a deadline's date). */
  @Column({ type: 'varchar' })
  eventKey: string;

  /** A catalogue code (libs/domain messages.ts); the admin says it in the reader's language. */
  @Column({ type: 'varchar' })
  code: string;

  @Column({ type: 'jsonb' })
  params: MessageParams;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
