import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Who read or changed person X" (docs/personal-data.md, Reads): an index of the audit
 * log by person. Every audit row naming persons — a read's `changes.personIds.after`,
 * or an entry about a person itself — gets one row per person here, written by a
 * trigger in the statement that appends the audit rows, so no writer can forget it.
 * The audit row stays the record (the chain covers the ids); this table is derived
 * from it and holds no foreign keys, so it can be rebuilt from audit_event.
 */
export class PersonAccess1764000000014 implements MigrationInterface {
  name = 'PersonAccess1764000000014';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE person_access (
        person_id int NOT NULL,
        audit_event_id bigint NOT NULL,
        PRIMARY KEY (person_id, audit_event_id)
      );

      CREATE FUNCTION audit_event_persons(changes jsonb, entity_type text, entity_id text) RETURNS SETOF int
        LANGUAGE sql IMMUTABLE AS $$
          SELECT value::int FROM jsonb_array_elements_text(
            CASE WHEN jsonb_typeof(changes -> 'personIds' -> 'after') = 'array'
                 THEN changes -> 'personIds' -> 'after' ELSE '[]'::jsonb END)
          UNION
          SELECT entity_id::int WHERE entity_type = 'person' AND entity_id ~ '^[0-9]{1,9}$'
        $$;

      CREATE FUNCTION audit_event_index_persons() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO person_access (person_id, audit_event_id)
          SELECT p, e.id FROM new_events e, audit_event_persons(e.changes, e.entity_type, e.entity_id) p
          ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$;

      CREATE TRIGGER audit_event_person_access AFTER INSERT ON audit_event
        REFERENCING NEW TABLE AS new_events
        FOR EACH STATEMENT EXECUTE FUNCTION audit_event_index_persons();

      INSERT INTO person_access (person_id, audit_event_id)
        SELECT p, e.id FROM audit_event e, audit_event_persons(e.changes, e.entity_type, e.entity_id) p
        ON CONFLICT DO NOTHING;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER audit_event_person_access ON audit_event;
      DROP FUNCTION audit_event_index_persons();
      DROP FUNCTION audit_event_persons(jsonb, text, text);
      DROP TABLE person_access;
    `);
  }
}
