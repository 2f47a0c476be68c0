import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The 5-year residence obligation (docs/support-payments.md, Residence obligation): in
 * the 2017 wording, support is returned if the family leaves its settlement region
 * within 5 years; it is UNCONFIRMED as current, so it is off — on only while an admin
 * keeps a deadline setting `residence_obligation` (years) in force. A family's departure
 * from its settlement region is recorded on the settlement; under the rule it raises a
 * recovery task for the support paid.
 */
export class ResidenceObligation1764000000033 implements MigrationInterface {
  name = 'ResidenceObligation1764000000033';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE settlement
        DROP CONSTRAINT settlement_status_check,
        ADD CONSTRAINT settlement_status_check CHECK (status IN ('planned', 'arrived', 'cancelled', 'departed')),
        ADD COLUMN departed_on date,
        ADD COLUMN departed_to_region_id int CONSTRAINT settlement_departed_to_fk REFERENCES region (id),
        ADD CONSTRAINT settlement_departed_chk CHECK ((status = 'departed') = (departed_on IS NOT NULL)),
        ADD CONSTRAINT settlement_departed_after_arrival_chk CHECK (departed_on IS NULL OR departed_on >= actual_arrival);

      CREATE TABLE support_recovery (
        id serial PRIMARY KEY,
        application_id int NOT NULL CONSTRAINT support_recovery_application_fk REFERENCES application (id),
        settlement_id int NOT NULL CONSTRAINT support_recovery_settlement_fk REFERENCES settlement (id),
        -- the region the family left, whose support is to be returned
        region_id int NOT NULL CONSTRAINT support_recovery_region_fk REFERENCES region (id),
        departed_on date NOT NULL,
        -- the rule as it stood: the setting and its years
        setting_id int NOT NULL CONSTRAINT support_recovery_setting_fk REFERENCES deadline_setting (id),
        years int NOT NULL CHECK (years > 0),
        payment_ids int[] NOT NULL,
        amount_kzt bigint NOT NULL CHECK (amount_kzt > 0),
        state varchar NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'recovered', 'waived')),
        resolved_at timestamptz,
        resolved_by int CONSTRAINT support_recovery_resolved_by_fk REFERENCES app_user (id),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT support_recovery_settlement_uq UNIQUE (settlement_id),
        CONSTRAINT support_recovery_resolved_chk CHECK ((state = 'open') = (resolved_at IS NULL))
      );
      CREATE INDEX support_recovery_region_idx ON support_recovery (region_id, state, id);
      CREATE INDEX support_recovery_application_idx ON support_recovery (application_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE support_recovery;
      UPDATE settlement SET status = 'arrived' WHERE status = 'departed';
      ALTER TABLE settlement
        DROP CONSTRAINT settlement_departed_after_arrival_chk,
        DROP CONSTRAINT settlement_departed_chk,
        DROP COLUMN departed_to_region_id,
        DROP COLUMN departed_on,
        DROP CONSTRAINT settlement_status_check,
        ADD CONSTRAINT settlement_status_check CHECK (status IN ('planned', 'arrived', 'cancelled'));
    `);
  }
}
