import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit chain becomes keyed (docs/audit-chain.md): each new row names the HMAC key
 * its hash was made with. Rows written before this migration keep `key_id` NULL and are
 * verified as the plain sha256 chain they are; the first keyed row links to the last of
 * them. Signed checkpoints of the chain's head are listed in `audit_checkpoint`, append-only
 * like the log itself.
 */
export class KeyedAuditChain1764000000012 implements MigrationInterface {
  name = 'KeyedAuditChain1764000000012';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE audit_event ADD COLUMN key_id varchar;

      CREATE TABLE audit_checkpoint (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        last_event_id bigint NOT NULL,
        last_hash varchar NOT NULL,
        event_count bigint NOT NULL,
        created_at timestamptz NOT NULL,
        key_id varchar NOT NULL,
        signature varchar NOT NULL,
        storage_key varchar NOT NULL
      );
      CREATE TRIGGER audit_checkpoint_no_update_delete BEFORE UPDATE OR DELETE ON audit_checkpoint
        FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();
      CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
        FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE audit_checkpoint;
      ALTER TABLE audit_event DROP COLUMN key_id;
    `);
  }
}
