import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rent instalments and cancelled payments (docs/support-payments.md). The
 * rent-instalments job prepares a family's monthly rent payments after the first, so
 * a payment may have no staff preparer (the system); four-eyes still holds, since a
 * person approves it. A payment not yet sent may be cancelled with a reason: prepared
 * in error, or no longer due because the status ended (citizenship granted).
 */
export class RentInstalments1764000000029 implements MigrationInterface {
  name = 'RentInstalments1764000000029';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE support_payment
        ALTER COLUMN prepared_by DROP NOT NULL,
        ADD COLUMN cancelled_at timestamptz,
        ADD COLUMN cancel_reason varchar
          CONSTRAINT support_payment_cancel_reason_chk
          CHECK (cancel_reason IN ('prepared_in_error', 'not_eligible', 'status_ended')),
        DROP CONSTRAINT support_payment_state_check,
        ADD CONSTRAINT support_payment_state_check
          CHECK (state IN ('draft', 'approved', 'sent', 'paid', 'failed', 'reconciled', 'cancelled')),
        ADD CONSTRAINT support_payment_cancelled_chk
          CHECK ((state = 'cancelled') = (cancelled_at IS NOT NULL AND cancel_reason IS NOT NULL)),
        -- A cancelled payment was a draft or approved, and never sent.
        DROP CONSTRAINT support_payment_approved_chk,
        ADD CONSTRAINT support_payment_approved_chk CHECK (CASE state
          WHEN 'draft' THEN approved_by IS NULL AND approved_at IS NULL
          WHEN 'cancelled' THEN (approved_by IS NULL) = (approved_at IS NULL)
          ELSE approved_by IS NOT NULL AND approved_at IS NOT NULL END),
        DROP CONSTRAINT support_payment_sent_chk,
        ADD CONSTRAINT support_payment_sent_chk CHECK ((state IN ('draft', 'approved', 'cancelled')) = (sent_at IS NULL));

      DROP INDEX support_payment_once_uq;
      DROP INDEX support_payment_rent_month_uq;
      CREATE UNIQUE INDEX support_payment_once_uq ON support_payment (application_id, kind)
        WHERE kind IN ('relocation', 'housing', 'employer') AND state NOT IN ('failed', 'cancelled');
      CREATE UNIQUE INDEX support_payment_rent_month_uq ON support_payment (application_id, date_trunc('month', event_date::timestamp))
        WHERE kind = 'rent' AND state NOT IN ('failed', 'cancelled');
      -- The job's scan: the cases with rent payments, and the first of each.
      CREATE INDEX support_payment_rent_idx ON support_payment (application_id, event_date)
        WHERE kind = 'rent' AND state NOT IN ('failed', 'cancelled');
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM support_payment WHERE state = 'cancelled' OR prepared_by IS NULL) THEN
          RAISE EXCEPTION 'cancelled or system-prepared payments exist: the earlier schema cannot hold them';
        END IF;
      END $$;
      DROP INDEX support_payment_rent_idx;
      DROP INDEX support_payment_once_uq;
      DROP INDEX support_payment_rent_month_uq;
      CREATE UNIQUE INDEX support_payment_once_uq ON support_payment (application_id, kind)
        WHERE kind IN ('relocation', 'housing', 'employer') AND state <> 'failed';
      CREATE UNIQUE INDEX support_payment_rent_month_uq ON support_payment (application_id, date_trunc('month', event_date::timestamp))
        WHERE kind = 'rent' AND state <> 'failed';
      ALTER TABLE support_payment
        DROP CONSTRAINT support_payment_cancelled_chk,
        DROP CONSTRAINT support_payment_approved_chk,
        ADD CONSTRAINT support_payment_approved_chk
          CHECK ((state = 'draft') = (approved_by IS NULL AND approved_at IS NULL)),
        DROP CONSTRAINT support_payment_sent_chk,
        ADD CONSTRAINT support_payment_sent_chk CHECK ((state IN ('draft', 'approved')) = (sent_at IS NULL)),
        DROP CONSTRAINT support_payment_state_check,
        ADD CONSTRAINT support_payment_state_check
          CHECK (state IN ('draft', 'approved', 'sent', 'paid', 'failed', 'reconciled')),
        DROP COLUMN cancel_reason,
        DROP COLUMN cancelled_at,
        ALTER COLUMN prepared_by SET NOT NULL;
    `);
  }
}
