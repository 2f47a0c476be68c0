import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Erasable personal data (docs/personal-data.md, Encryption and Erasure): one data key
 * per person, wrapped by a master key the database does not hold; destroying the key
 * (the row stays, without key, as the tombstone) erases the person's sealed audit values.
 * `person.erased_at` marks an anonymised person. Audit rows written before this
 * migration keep their values as they were: the chain covers them (see the docs).
 */
export class PersonDataKeys1764000000015 implements MigrationInterface {
  name = 'PersonDataKeys1764000000015';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE person_data_key (
        person_id int PRIMARY KEY CONSTRAINT person_data_key_person_fk REFERENCES person (id),
        master_key_id varchar,
        wrapped_key bytea,
        created_at timestamptz NOT NULL DEFAULT now(),
        destroyed_at timestamptz,
        CONSTRAINT person_data_key_destroyed_ck CHECK (
          (wrapped_key IS NULL AND master_key_id IS NULL AND destroyed_at IS NOT NULL)
          OR (wrapped_key IS NOT NULL AND master_key_id IS NOT NULL AND destroyed_at IS NULL))
      );
      CREATE INDEX person_data_key_master_key_idx ON person_data_key (master_key_id) WHERE wrapped_key IS NOT NULL;

      ALTER TABLE person ADD COLUMN erased_at timestamptz;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE person DROP COLUMN erased_at;
      DROP TABLE person_data_key;
    `);
  }
}
