import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * In-app notifications for staff (docs/notifications.md): one row per recipient and
 * event, written in the transaction of the event (or by the daily `staff-notifications`
 * job for deadlines). The unique key is the event: the same one for the same person is
 * stored once, so a repeated job run or a retried write adds nothing.
 */
export class StaffNotifications1764000000032 implements MigrationInterface {
  name = 'StaffNotifications1764000000032';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE staff_notification (
        id serial PRIMARY KEY,
        recipient_id int NOT NULL CONSTRAINT staff_notification_recipient_fk REFERENCES app_user (id),
        kind varchar NOT NULL CHECK (kind IN ('assigned', 'due_soon', 'overdue', 'referral_answered', 'payment_needs_approval')),
        -- the record it links to, as the admin names it: applications/123, referrals/7, support-payments/9
        resource varchar NOT NULL CHECK (resource IN ('applications', 'referrals', 'support-payments')),
        record_id int NOT NULL,
        -- what tells one event on the record from another: the timeline line of an assignment,
        -- the referral's new state, the deadline's date; '' when the record has one such event
        event_key varchar(100) NOT NULL DEFAULT '',
        -- the message as a catalogue code with parameters (libs/domain messages.ts), never text
        code varchar NOT NULL,
        params jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        CONSTRAINT staff_notification_event_uq UNIQUE (recipient_id, kind, resource, record_id, event_key)
      );
      -- "my unread, newest first" and the bell's counts
      CREATE INDEX staff_notification_unread_idx ON staff_notification (recipient_id, created_at DESC, id DESC)
        WHERE read_at IS NULL;
      -- "all mine, newest first", and the retention sweep of read ones
      CREATE INDEX staff_notification_recipient_idx ON staff_notification (recipient_id, created_at DESC, id DESC);
      CREATE INDEX staff_notification_read_idx ON staff_notification (read_at) WHERE read_at IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE staff_notification');
  }
}
