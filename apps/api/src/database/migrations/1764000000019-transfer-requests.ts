import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Transfer requests between regions (docs/transfers.md): a regional official cannot
 * move a family into another region's quota; they ask, and the receiving region's
 * official accepts (the quota move happens then) or declines. One open request per
 * settlement or batch line; a target the family did not choose carries their consent.
 */
export class TransferRequests1764000000019 implements MigrationInterface {
  name = 'TransferRequests1764000000019';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE transfer_request (
        id serial PRIMARY KEY,
        kind varchar NOT NULL CHECK (kind IN ('settlement', 'proposal')),
        application_id int NOT NULL CONSTRAINT transfer_request_application_fk REFERENCES application (id),
        settlement_id int CONSTRAINT transfer_request_settlement_fk REFERENCES settlement (id),
        placement_proposal_id int CONSTRAINT transfer_request_proposal_fk REFERENCES placement_proposal (id),
        from_region_id int NOT NULL CONSTRAINT transfer_request_from_region_fk REFERENCES region (id),
        to_region_id int NOT NULL CONSTRAINT transfer_request_to_region_fk REFERENCES region (id),
        reason_code varchar NOT NULL
          CHECK (reason_code IN ('relatives', 'housing', 'employment', 'health', 'family_request', 'quota_balance', 'other')),
        reason text NOT NULL,
        -- the family's consent to a region outside their preferences: when, and by which document
        consent_date date,
        consent_document varchar,
        state varchar NOT NULL DEFAULT 'requested'
          CHECK (state IN ('requested', 'accepted', 'declined', 'withdrawn', 'expired')),
        decline_reason text,
        requested_by int NOT NULL CONSTRAINT transfer_request_requested_by_fk REFERENCES app_user (id),
        decided_by int CONSTRAINT transfer_request_decided_by_fk REFERENCES app_user (id),
        decided_at timestamptz,
        result_settlement_id int CONSTRAINT transfer_request_result_settlement_fk REFERENCES settlement (id),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT transfer_request_subject_chk CHECK (
          (kind = 'settlement' AND settlement_id IS NOT NULL AND placement_proposal_id IS NULL)
          OR (kind = 'proposal' AND placement_proposal_id IS NOT NULL AND settlement_id IS NULL)),
        CONSTRAINT transfer_request_other_region_chk CHECK (from_region_id <> to_region_id),
        CONSTRAINT transfer_request_consent_chk CHECK ((consent_date IS NULL) = (consent_document IS NULL)),
        CONSTRAINT transfer_request_declined_chk CHECK ((state = 'declined') = (decline_reason IS NOT NULL))
      );
      CREATE UNIQUE INDEX transfer_request_open_settlement_uq ON transfer_request (settlement_id) WHERE state = 'requested';
      CREATE UNIQUE INDEX transfer_request_open_proposal_uq ON transfer_request (placement_proposal_id) WHERE state = 'requested';
      CREATE INDEX transfer_request_to_region_idx ON transfer_request (to_region_id, state, id);
      CREATE INDEX transfer_request_from_region_idx ON transfer_request (from_region_id, state, id);
      CREATE INDEX transfer_request_application_idx ON transfer_request (application_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE transfer_request');
  }
}
