import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Messages to applicants (docs/applicant-messages.md): the family's e-mail address beside
 * its phone, the language it chose for letters, and the outbox the events write to in
 * their own transaction and the `applicant-messages` job delivers from.
 */
export class ApplicantMessages1764000000031 implements MigrationInterface {
  name = 'ApplicantMessages1764000000031';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE person ADD COLUMN email varchar(254)
        CONSTRAINT person_email_ck CHECK (email ~ '^[^@[:space:]]+@[^@[:space:]]+\\.[^@[:space:]]+$');
      ALTER TABLE application ADD COLUMN correspondence_language varchar NOT NULL DEFAULT 'kk'
        CHECK (correspondence_language IN ('kk', 'ru'));

      CREATE TABLE applicant_message (
        id serial PRIMARY KEY,
        application_id int NOT NULL CONSTRAINT applicant_message_application_fk REFERENCES application (id),
        -- whose contact it goes to (the applicant when it was queued): erasure clears the recipient
        person_id int NOT NULL CONSTRAINT applicant_message_person_fk REFERENCES person (id),
        kind varchar NOT NULL CHECK (kind IN ('status_granted', 'information_requested', 'referral_accepted',
          'payment_sent', 'status_expiring')),
        -- which occurrence of the kind: a timeline event, a referral, a payment, a status end date
        event_key varchar NOT NULL,
        channel varchar NOT NULL CHECK (channel IN ('email', 'sms')),
        recipient varchar,
        language varchar NOT NULL CHECK (language IN ('kk', 'ru')),
        params jsonb NOT NULL,
        subject varchar,
        body text NOT NULL,
        state varchar NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sent', 'failed', 'cancelled')),
        attempts int NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error varchar,
        last_error_params jsonb,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT applicant_message_event_uq UNIQUE (application_id, kind, event_key, channel),
        CONSTRAINT applicant_message_sent_ck CHECK ((state = 'sent') = (sent_at IS NOT NULL)),
        CONSTRAINT applicant_message_recipient_ck CHECK (state = 'cancelled' OR recipient IS NOT NULL),
        CONSTRAINT applicant_message_subject_ck CHECK ((channel = 'email') = (subject IS NOT NULL))
      );
      -- The job's scan: due queued messages, oldest first.
      CREATE INDEX applicant_message_due_idx ON applicant_message (next_attempt_at, id) WHERE state = 'queued';
      CREATE INDEX applicant_message_case_idx ON applicant_message (application_id, id);
      CREATE INDEX applicant_message_person_idx ON applicant_message (person_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE applicant_message;
      ALTER TABLE application DROP COLUMN correspondence_language;
      ALTER TABLE person DROP COLUMN email;
    `);
  }
}
