import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A row of person_data_key; `wrappedKey` null once the key was destroyed (the person erased). */
export interface StoredDataKey {
  personId: number;
  masterKeyId: string | null;
  wrappedKey: Buffer | null;
}

interface Row {
  person_id: number;
  master_key_id: string | null;
  wrapped_key: Buffer | null;
}

const stored = (r: Row): StoredDataKey => ({
  personId: r.person_id,
  masterKeyId: r.master_key_id,
  wrappedKey: r.wrapped_key,
});

@Injectable()
export class DataKeysRepository {
  async findByPersons(manager: EntityManager, personIds: number[]): Promise<StoredDataKey[]> {
    if (personIds.length === 0) return [];
    const rows = await manager.query<Row[]>(
      'SELECT person_id, master_key_id, wrapped_key FROM person_data_key WHERE person_id = ANY($1::int[])',
      [personIds],
    );
    return rows.map(stored);
  }

  /** One statement for any number of keys; a key already there (written by a concurrent writer) is kept. */
  async insert(manager: EntityManager, keys: StoredDataKey[]): Promise<void> {
    if (keys.length === 0) return;
    await manager.query(
      `INSERT INTO person_data_key (person_id, master_key_id, wrapped_key)
       SELECT * FROM unnest($1::int[], $2::text[], $3::bytea[])
       ON CONFLICT (person_id) DO NOTHING`,
      [keys.map((k) => k.personId), keys.map((k) => k.masterKeyId), keys.map((k) => k.wrappedKey)],
    );
  }

  /** Forgets the keys: the values they sealed can never be read again; the row stays as the tombstone. */
  async destroy(manager: EntityManager, personIds: number[]): Promise<void> {
    if (personIds.length === 0) return;
    await manager.query(
      `INSERT INTO person_data_key (person_id, master_key_id, wrapped_key, destroyed_at)
       SELECT id, NULL, NULL, now() FROM unnest($1::int[]) AS u(id)
       ON CONFLICT (person_id) DO UPDATE SET master_key_id = NULL, wrapped_key = NULL, destroyed_at = now()`,
      [personIds],
    );
  }

  /** Keys wrapped by another master key than `currentKeyId`, a batch at a time, locked for rewrapping. */
  async lockWrappedByOther(manager: EntityManager, currentKeyId: string, limit: number): Promise<StoredDataKey[]> {
    const rows = await manager.query<Row[]>(
      `SELECT person_id, master_key_id, wrapped_key FROM person_data_key
       WHERE wrapped_key IS NOT NULL AND master_key_id <> $1
       ORDER BY person_id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [currentKeyId, limit],
    );
    return rows.map(stored);
  }

  async rewrap(manager: EntityManager, keys: StoredDataKey[]): Promise<void> {
    await manager.query(
      `UPDATE person_data_key k SET master_key_id = u.master_key_id, wrapped_key = u.wrapped_key
       FROM unnest($1::int[], $2::text[], $3::bytea[]) AS u(person_id, master_key_id, wrapped_key)
       WHERE k.person_id = u.person_id`,
      [keys.map((k) => k.personId), keys.map((k) => k.masterKeyId), keys.map((k) => k.wrappedKey)],
    );
  }
}
