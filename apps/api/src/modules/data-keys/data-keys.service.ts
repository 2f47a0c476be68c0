import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DataKeysRepository, type StoredDataKey } from './data-keys.repository';
import { MasterKeyCipher } from './master-key-cipher';

/** A person's data key in clear, or null when it was destroyed (the person erased). */
export type DataKeys = Map<number, Buffer | null>;

const REWRAP_BATCH = 1000;

/**
 * One random AES-256 key per person, stored wrapped by the current master key; the
 * personal values of that person's audit entries are sealed with it, so destroying
 * it erases them (docs/personal-data.md, Encryption).
 */
@Injectable()
export class DataKeysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly keys: DataKeysRepository,
    private readonly cipher: MasterKeyCipher,
  ) {}

  /** The persons' keys, creating the missing ones in one statement. */
  async forWriting(manager: EntityManager, personIds: number[]): Promise<DataKeys> {
    const found = await this.forReading(manager, personIds);
    const missing = personIds.filter((id) => !found.has(id));
    if (missing.length === 0) return found;
    const fresh = missing.map((personId) => ({ personId, key: randomBytes(32) }));
    await this.keys.insert(
      manager,
      fresh.map(({ personId, key }) => this.wrap(personId, key)),
    );
    // A concurrent writer may have stored another key first: the stored one wins.
    const stored = await this.forReading(manager, missing);
    for (const id of missing) found.set(id, stored.get(id) ?? null);
    return found;
  }

  /** The persons' keys that exist (null: destroyed); persons without one are absent. */
  async forReading(manager: EntityManager, personIds: number[]): Promise<DataKeys> {
    const rows = await this.keys.findByPersons(manager, [...new Set(personIds)]);
    return new Map(rows.map((row) => [row.personId, row.wrappedKey === null ? null : this.unwrap(row)]));
  }

  destroy(manager: EntityManager, personIds: number[]): Promise<void> {
    return this.keys.destroy(manager, personIds);
  }

  /**
   * After a new master key is put first in DATA_MASTER_KEYS, each start (after the
   * migrations) rewraps the keys still wrapped by an older one, in batches; once none is
   * left the old key can leave the ring. Returns how many were rewrapped.
   */
  async rewrapAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const done = await this.dataSource.transaction(async (manager) => {
        const old = await this.keys.lockWrappedByOther(manager, this.cipher.currentKeyId, REWRAP_BATCH);
        if (old.length > 0)
          await this.keys.rewrap(
            manager,
            old.map((row) => this.wrap(row.personId, this.unwrap(row))),
          );
        return old.length;
      });
      total += done;
      if (done < REWRAP_BATCH) return total;
    }
  }

  private wrap(personId: number, key: Buffer): StoredDataKey {
    const { keyId, sealed } = this.cipher.seal('person-data-key', key, String(personId));
    return { personId, masterKeyId: keyId, wrappedKey: sealed };
  }

  private unwrap(row: StoredDataKey): Buffer {
    return this.cipher.open(
      'person-data-key',
      { keyId: row.masterKeyId!, sealed: row.wrappedKey! },
      String(row.personId),
    );
  }
}
