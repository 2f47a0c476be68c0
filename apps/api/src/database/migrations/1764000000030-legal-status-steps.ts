import type { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES_BEFORE = `'draft', 'submitted', 'acceptance_refused', 'commission_review', 'under_review',
  'information_requested', 'approved', 'rejected', 'withdrawn', 'expired', 'revoked'`;

/**
 * Permanent residence and citizenship after the status (docs/legal-status.md): each
 * member's application and its decision, with dates and the authority. The case gains
 * the closed status `naturalised`: the kandas status ends on obtaining citizenship, so
 * once every member is a citizen the system moves the case approved → naturalised.
 */
export class LegalStatusSteps1764000000030 implements MigrationInterface {
  name = 'LegalStatusSteps1764000000030';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE application DROP CONSTRAINT application_status_check,
        ADD CONSTRAINT application_status_check CHECK (status IN (${STATUSES_BEFORE}, 'naturalised'));
      INSERT INTO application_transition (from_status, to_status) VALUES ('approved', 'naturalised');

      CREATE TABLE legal_status_step (
        id serial PRIMARY KEY,
        application_id int NOT NULL CONSTRAINT legal_status_step_application_fk REFERENCES application (id),
        person_id int NOT NULL CONSTRAINT legal_status_step_person_fk REFERENCES person (id),
        kind varchar NOT NULL CHECK (kind IN ('permanent_residence', 'citizenship')),
        state varchar NOT NULL DEFAULT 'applied' CHECK (state IN ('applied', 'granted', 'refused')),
        applied_on date NOT NULL,
        -- the migration service (police) unit that took the application
        authority varchar(300) NOT NULL,
        decided_on date,
        -- the number of the decision or of the document issued
        reference varchar(100),
        created_by int CONSTRAINT legal_status_step_created_by_fk REFERENCES app_user (id),
        decided_by int CONSTRAINT legal_status_step_decided_by_fk REFERENCES app_user (id),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT legal_status_step_decided_chk CHECK ((state = 'applied') = (decided_on IS NULL)),
        CONSTRAINT legal_status_step_order_chk CHECK (decided_on IS NULL OR decided_on >= applied_on)
      );
      -- One application or grant of a kind per person at a time; after a refusal, a new one.
      CREATE UNIQUE INDEX legal_status_step_holding_uq ON legal_status_step (person_id, kind)
        WHERE state IN ('applied', 'granted');
      CREATE INDEX legal_status_step_application_idx ON legal_status_step (application_id, id);
      CREATE INDEX legal_status_step_state_idx ON legal_status_step (state, kind, id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE legal_status_step;
      ALTER TABLE application DISABLE TRIGGER application_status_transition;
      UPDATE application SET status = 'approved' WHERE status = 'naturalised';
      ALTER TABLE application ENABLE TRIGGER application_status_transition;
      DELETE FROM application_transition WHERE to_status = 'naturalised';
      ALTER TABLE application DROP CONSTRAINT application_status_check,
        ADD CONSTRAINT application_status_check CHECK (status IN (${STATUSES_BEFORE}));
    `);
  }
}
