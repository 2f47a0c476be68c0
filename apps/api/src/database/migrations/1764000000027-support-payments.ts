import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Support payments and their batches (docs/support-payments.md, Payments). A payment
 * stores the computation it was prepared with (rule, MCI, persons, amount), so a later
 * rule or MCI change never rewrites it; it is approved by someone other than who
 * prepared it. A batch gathers a region's payments of one month for the bank; its
 * totals are kept by the writers in the same transaction.
 */
export class SupportPayments1764000000027 implements MigrationInterface {
  name = 'SupportPayments1764000000027';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE payment_batch (
        id serial PRIMARY KEY,
        region_id int NOT NULL CONSTRAINT payment_batch_region_fk REFERENCES region (id),
        month date NOT NULL CONSTRAINT payment_batch_first_day_chk CHECK (extract(day FROM month) = 1),
        state varchar NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'sent', 'closed')),
        -- the payments that go out: every one in the batch but the failed
        count int NOT NULL DEFAULT 0 CHECK (count >= 0),
        amount_kzt bigint NOT NULL DEFAULT 0 CHECK (amount_kzt >= 0),
        sent_at timestamptz,
        closed_at timestamptz,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT payment_batch_region_month_uq UNIQUE (region_id, month),
        CONSTRAINT payment_batch_closed_chk CHECK ((state = 'closed') = (closed_at IS NOT NULL))
      );
      CREATE INDEX payment_batch_month_idx ON payment_batch (month, id);
      CREATE INDEX payment_batch_state_idx ON payment_batch (state, id);

      CREATE TABLE support_payment (
        id serial PRIMARY KEY,
        application_id int NOT NULL CONSTRAINT support_payment_application_fk REFERENCES application (id),
        region_id int NOT NULL CONSTRAINT support_payment_region_fk REFERENCES region (id),
        batch_id int CONSTRAINT support_payment_batch_fk REFERENCES payment_batch (id),
        kind varchar NOT NULL CHECK (kind IN ('relocation', 'rent', 'housing', 'employer')),
        event_date date NOT NULL,
        -- the computation as prepared
        rule_id int NOT NULL CONSTRAINT support_payment_rule_fk REFERENCES benefit_rule (id),
        unconfirmed boolean NOT NULL,
        mci_value int NOT NULL CHECK (mci_value > 0),
        persons int NOT NULL CHECK (persons >= 1),
        amount_mci int CHECK (amount_mci > 0),
        monthly_mci int CHECK (monthly_mci > 0),
        months int CHECK (months > 0),
        price_kzt bigint CHECK (price_kzt > 0),
        amount_kzt bigint NOT NULL CHECK (amount_kzt > 0),
        state varchar NOT NULL DEFAULT 'draft'
          CHECK (state IN ('draft', 'approved', 'sent', 'paid', 'failed', 'reconciled')),
        prepared_by int NOT NULL CONSTRAINT support_payment_prepared_by_fk REFERENCES app_user (id),
        approved_by int CONSTRAINT support_payment_approved_by_fk REFERENCES app_user (id),
        approved_at timestamptz,
        sent_at timestamptz,
        paid_at timestamptz,
        bank_reference varchar(100),
        failure_code varchar(500),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT support_payment_four_eyes_chk CHECK (approved_by <> prepared_by),
        CONSTRAINT support_payment_approved_chk CHECK ((state = 'draft') = (approved_by IS NULL AND approved_at IS NULL)),
        CONSTRAINT support_payment_sent_chk CHECK ((state IN ('draft', 'approved')) = (sent_at IS NULL)),
        CONSTRAINT support_payment_paid_chk CHECK ((state IN ('paid', 'reconciled')) = (paid_at IS NOT NULL AND bank_reference IS NOT NULL)),
        CONSTRAINT support_payment_failed_chk CHECK ((state = 'failed') = (failure_code IS NOT NULL))
      );
      -- One relocation, housing or employer payment per case, and one rent payment per month, unless it failed.
      CREATE UNIQUE INDEX support_payment_once_uq ON support_payment (application_id, kind)
        WHERE kind IN ('relocation', 'housing', 'employer') AND state <> 'failed';
      CREATE UNIQUE INDEX support_payment_rent_month_uq ON support_payment (application_id, date_trunc('month', event_date::timestamp))
        WHERE kind = 'rent' AND state <> 'failed';
      -- The region scope and the list's filters and sorts.
      CREATE INDEX support_payment_region_idx ON support_payment (region_id, state, id);
      CREATE INDEX support_payment_batch_idx ON support_payment (batch_id, state);
      CREATE INDEX support_payment_application_idx ON support_payment (application_id, id);
      CREATE INDEX support_payment_state_idx ON support_payment (state, id);
      CREATE INDEX support_payment_kind_idx ON support_payment (kind, id);
      CREATE INDEX support_payment_event_date_idx ON support_payment (event_date);
      CREATE INDEX support_payment_amount_idx ON support_payment (amount_kzt);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE support_payment; DROP TABLE payment_batch;');
  }
}
