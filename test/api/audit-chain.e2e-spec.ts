import { createPublicKey, verify as verifySignature } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from 'pg';
import request from 'supertest';
import { parseKeyRing } from '../../apps/api/src/config/app.config';
import {
  auditHash,
  canonicalJson,
  type HashedAuditFields,
  storedAuditRow,
} from '../../apps/api/src/modules/audit/audit-hash';
import { bearer, scalar, withDb } from '../support/api-helpers';
import { createDatabase, E2E_AUDIT_CHAIN_KEYS, type RunningApi, startApi } from '../support/api-process';
import { login, type Session } from '../support/auth';

type Row = Record<string, unknown> & { id: string };

/**
 * The audit chain against an attacker with the database (docs/audit-chain.md): keyed
 * hashes, signed checkpoints in the object store, text sealed as PostgreSQL stores it,
 * key rotation, and an application role that cannot rewrite the log.
 */
describe('audit chain', () => {
  let api: RunningApi;
  let admin: Session;
  let auditor: Session;

  beforeAll(async () => {
    api = await startApi();
    admin = await login(api.url, 'admin');
    auditor = await login(api.url, 'auditor');
  });
  afterAll(() => api?.stop());

  const verify = async () =>
    (await request(api.url).get('/api/audit-events/verify').set(bearer(auditor.accessToken)).expect(200)).body;
  const auditCount = () => scalar<number>(api.databaseUrl, 'SELECT count(*)::int FROM audit_event');
  const rowsFrom = (id: string) =>
    withDb(
      api.databaseUrl,
      async (db) => (await db.query('SELECT * FROM audit_event WHERE id >= $1 ORDER BY id', [id])).rows as Row[],
    );
  /** As the database superuser, with the append-only trigger off: what an attacker with the server could do. */
  const asAttacker = (work: (db: Client) => Promise<unknown>) =>
    withDb(api.databaseUrl, async (db) => {
      await db.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete');
      try {
        await work(db);
      } finally {
        await db.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_delete');
      }
    });
  const restore = (rows: Row[]) =>
    asAttacker(async (db) => {
      await db.query('DELETE FROM audit_event WHERE id >= $1', [rows[0].id]);
      for (const row of rows) {
        const columns = Object.keys(row);
        await db.query(
          `INSERT INTO audit_event (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
          columns.map((c) => (c === 'changes' && row[c] !== null ? JSON.stringify(row[c]) : row[c])),
        );
      }
    });
  const nthRowId = (nth: number) =>
    scalar<string>(api.databaseUrl, 'SELECT e.id::text FROM audit_event e ORDER BY e.id OFFSET $1 LIMIT 1', [nth]);

  describe('text as PostgreSQL stores it', () => {
    it.each([
      ['an unpaired high surrogate', '{"username":"\\ud800x","password":"not-the-password"}'],
      ['an unpaired low surrogate', '{"username":"x\\udc00","password":"not-the-password"}'],
      ['a NUL', '{"username":"a\\u0000b","password":"not-the-password"}'],
    ])('keeps the chain valid after a sign-in attempt with %s in the username', async (_name, body) => {
      const response = await request(api.url)
        .post('/api/auth/login')
        .set('content-type', 'application/json')
        .send(body);
      expect([400, 401]).toContain(response.status);
      expect(await verify()).toMatchObject({ valid: true, problem: null, checked: await auditCount() });
    });

    it('keeps the chain valid when unstorable text reaches a change record (jsonb), and stores what it sealed', async () => {
      const username = `surrogate.${Date.now()}`;
      const response = await request(api.url)
        .post('/api/users')
        .set(bearer(admin.accessToken))
        .set('content-type', 'application/json')
        .send(
          `{"username":"${username}","fullName":"Lone \\ud800 and \\udfff","password":"a-long-enough-password","role":"auditor"}`,
        );
      expect([201, 400]).toContain(response.status);
      if (response.status === 201) {
        const changes = await scalar<Record<string, { after: unknown }>>(
          api.databaseUrl,
          `SELECT changes FROM audit_event WHERE action = 'user.create' AND entity_id = $1`,
          [String(response.body.id)],
        );
        expect(changes.fullName.after).toBe('Lone \ufffd and \ufffd');
      }
      expect(await verify()).toMatchObject({ valid: true, problem: null, checked: await auditCount() });
    });
  });

  describe('text as PostgreSQL stores it, at the root: the row AuditService builds, inserted as the API does', () => {
    it('seals lone surrogates and NUL in every field exactly as they are stored, and the chain stays valid', async () => {
      const ring = parseKeyRing('AUDIT_CHAIN_KEYS', E2E_AUDIT_CHAIN_KEYS);
      await withDb(api.appDatabaseUrl, async (db) => {
        await db.query('BEGIN');
        const [head] = (await db.query('SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1')).rows;
        const [{ id }] = (await db.query(`SELECT nextval('audit_event_id_seq')::text AS id`)).rows;
        const row = storedAuditRow(
          id,
          {
            occurredAt: new Date(),
            action: 'auth.login_failed',
            actor: { id: null, username: 'lone\ud83d', role: null },
            entityType: 'user',
            entityId: 'id\u0000\ud800',
            changes: { ['key\udfff']: { before: 'nul\u0000', after: ['\ud800', { deep: 'a\udc00b' }] } },
          },
          { requestId: 'req\udc00\u0000', ip: '127.0.0.1' },
          ring.currentId,
        );
        await db.query(
          `INSERT INTO audit_event (id, occurred_at, actor_id, actor_username, actor_role, action, entity_type, entity_id,
             region_id, changes, request_id, ip, prev_hash, hash, key_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
          [
            row.id,
            row.occurredAt,
            row.actorId,
            row.actorUsername,
            row.actorRole,
            row.action,
            row.entityType,
            row.entityId,
            row.regionId,
            JSON.stringify(row.changes),
            row.requestId,
            row.ip,
            head.hash,
            auditHash(head.hash, row, ring.keys.get(ring.currentId)!),
            row.keyId,
          ],
        );
        await db.query('COMMIT');
        const [storedRow] = (await db.query('SELECT * FROM audit_event WHERE id = $1', [id])).rows;
        expect(storedRow).toMatchObject({
          actor_username: 'lone\ufffd',
          request_id: 'req\ufffd\ufffd',
          entity_id: 'id\ufffd\ufffd',
          changes: { ['key\ufffd']: { before: 'nul\ufffd', after: ['\ufffd', { deep: 'a\ufffdb' }] } },
        });
      });
      expect(await verify()).toMatchObject({ valid: true, problem: null, checked: await auditCount() });
    });
  });

  describe('a keyed chain', () => {
    it('seals every row with the current key and names it on the row', async () => {
      expect(await scalar<string[]>(api.databaseUrl, 'SELECT array_agg(DISTINCT key_id) FROM audit_event')).toEqual([
        'e2e',
      ]);
    });

    it('names the row an attacker edited and re-chained with sha256, the old public hash', async () => {
      const id = await nthRowId(5);
      const saved = await rowsFrom(id);
      await asAttacker(async (db) => {
        let prevHash = saved[0].prev_hash as string;
        for (const [i, row] of saved.entries()) {
          const changes = i === 0 ? { role: { before: null, after: 'admin' } } : row.changes;
          // Without the key, a legacy (key_id NULL) row is all an attacker can make.
          const fields: HashedAuditFields = {
            id: row.id,
            occurredAt: row.occurred_at as Date,
            actorId: row.actor_id as number | null,
            actorUsername: row.actor_username as string | null,
            actorRole: row.actor_role as string | null,
            action: row.action as string,
            entityType: row.entity_type as string | null,
            entityId: row.entity_id as string | null,
            regionId: row.region_id as number | null,
            changes,
            requestId: row.request_id as string | null,
            ip: row.ip as string | null,
            keyId: null,
          };
          const hash = auditHash(prevHash, fields, null);
          await db.query(
            'UPDATE audit_event SET changes = $2, prev_hash = $3, hash = $4, key_id = NULL WHERE id = $1',
            [row.id, changes === null ? null : JSON.stringify(changes), prevHash, hash],
          );
          prevHash = hash;
        }
      });
      const before = await scalar<number>(api.databaseUrl, 'SELECT count(*)::int FROM audit_event WHERE id < $1', [id]);
      expect(await verify()).toMatchObject({
        valid: false,
        checked: before,
        firstBrokenId: id,
        problem: { code: 'audit.chain.row_altered', params: { id } },
      });

      await restore(saved);
      expect(await verify()).toMatchObject({ valid: true, checked: await auditCount() });
    });
  });

  describe('signed checkpoints in the object store', () => {
    const latestFile = () => join(api.dataDir, 'audit-checkpoints', 'latest.json');

    it('has nothing to publish before the first checkpoint', async () => {
      await request(api.url).get('/api/public/audit-checkpoint').expect(404);
      expect(await verify()).toMatchObject({ valid: true, checkpoint: null });
    });

    it('signs the head, lists it, stores it and publishes it with the key that checks it', async () => {
      const head = await scalar<string>(api.databaseUrl, 'SELECT max(id)::text FROM audit_event');
      const written = await request(api.url)
        .post('/api/audit-events/checkpoints')
        .set(bearer(admin.accessToken))
        .expect(201);
      expect(written.body).toMatchObject({ lastEventId: head, eventCount: String(await auditCount()), keyId: 'e2e' });

      const listed = await request(api.url)
        .get('/api/audit-events/checkpoints')
        .set(bearer(auditor.accessToken))
        .expect(200);
      expect(listed.body[0]).toMatchObject({ id: written.body.id, lastEventId: head });

      const stored = JSON.parse(readFileSync(latestFile(), 'utf8'));
      expect(stored.checkpoint).toMatchObject({
        id: written.body.id,
        lastEventId: head,
        lastHash: written.body.lastHash,
      });

      const published = (await request(api.url).get('/api/public/audit-checkpoint').expect(200)).body;
      expect(published.checkpoint).toEqual(stored.checkpoint);
      // Anyone can check it with the published key alone.
      expect(
        verifySignature(
          null,
          Buffer.from(canonicalJson(published.checkpoint)),
          createPublicKey(published.publicKey),
          Buffer.from(published.signature, 'base64'),
        ),
      ).toBe(true);
      expect(await verify()).toMatchObject({ valid: true, checkpoint: { id: written.body.id } });
    });

    it('names the gap when the newest rows the checkpoint vouched for are deleted', async () => {
      await request(api.url).post('/api/audit-events/checkpoints').set(bearer(admin.accessToken)).expect(201);
      const head = await scalar<string>(api.databaseUrl, 'SELECT max(id)::text FROM audit_event');
      const lastKept = await scalar<string>(
        api.databaseUrl,
        'SELECT e.id::text FROM audit_event e ORDER BY e.id DESC OFFSET 3 LIMIT 1',
      );
      const firstDeleted = await scalar<string>(
        api.databaseUrl,
        'SELECT min(id)::text FROM audit_event WHERE id > $1',
        [lastKept],
      );
      const saved = await rowsFrom(firstDeleted);
      await asAttacker((db) => db.query('DELETE FROM audit_event WHERE id > $1', [lastKept]));

      expect(await verify()).toMatchObject({
        valid: false,
        checked: await auditCount(),
        firstBrokenId: null,
        problem: { code: 'audit.chain.rows_missing', params: { afterId: lastKept, throughId: head, count: '3' } },
      });

      await restore(saved);
      expect(await verify()).toMatchObject({ valid: true, problem: null });
    });

    it('refuses a checkpoint whose signature does not hold, and one the store has lost', async () => {
      const original = readFileSync(latestFile(), 'utf8');
      const forged = JSON.parse(original);
      forged.checkpoint.eventCount = String(Number(forged.checkpoint.eventCount) - 3);
      writeFileSync(latestFile(), JSON.stringify(forged));
      try {
        expect(await verify()).toMatchObject({
          valid: false,
          problem: { code: 'audit.chain.checkpoint_signature_invalid', params: { checkpointId: forged.checkpoint.id } },
        });
        await request(api.url).get('/api/public/audit-checkpoint').expect(404);

        writeFileSync(latestFile(), 'not json');
        expect(await verify()).toMatchObject({ valid: false, problem: { code: 'audit.chain.checkpoint_unreadable' } });
      } finally {
        writeFileSync(latestFile(), original);
      }
      expect(await verify()).toMatchObject({ valid: true, problem: null });
    });
  });

  describe('the application role', () => {
    it.each([
      ['UPDATE', `UPDATE audit_event SET action = 'nothing.happened' WHERE id = (SELECT min(id) FROM audit_event)`],
      ['DELETE', 'DELETE FROM audit_event WHERE id = (SELECT max(id) FROM audit_event)'],
      ['TRUNCATE', 'TRUNCATE audit_event'],
      ['DISABLE TRIGGER', 'ALTER TABLE audit_event DISABLE TRIGGER ALL'],
      ['DROP TRIGGER', 'DROP TRIGGER audit_event_no_update_delete ON audit_event'],
      ['an UPDATE of a checkpoint', `UPDATE audit_checkpoint SET last_hash = 'x'`],
    ])('refuses it %s', async (_op, sql) => {
      const before = await auditCount();
      await expect(withDb(api.appDatabaseUrl, (db) => db.query(sql))).rejects.toMatchObject({ code: '42501' });
      expect(await auditCount()).toBe(before);
    });

    it('does not own audit_event, and still appends to it', async () => {
      expect(
        await scalar<string>(api.databaseUrl, `SELECT tableowner FROM pg_tables WHERE tablename = 'audit_event'`),
      ).not.toBe('qonys_e2e_app');
      const before = await auditCount();
      await login(api.url, 'official.pavlodar');
      expect(await auditCount()).toBe(before + 1);
    });
  });
});

describe('audit chain key rotation', () => {
  it('verifies rows of the old key and the new, and names a key that left the ring', async () => {
    const db = await createDatabase();
    const oldRing = E2E_AUDIT_CHAIN_KEYS;
    const newKey = `k2:${Buffer.alloc(32, 'n').toString('base64')}`;
    const dataDir = mkdtempSync(join(tmpdir(), 'qonys-rotation-'));
    const run = async (keys: string, work: (api: RunningApi) => Promise<void>) => {
      const api = await startApi({ AUDIT_CHAIN_KEYS: keys, DATA_DIR: dataDir }, db.url);
      try {
        await work(api);
      } finally {
        await api.stop();
      }
    };
    // Each two-factor account signs in once: its one-time code may not be used twice in one step.
    const verifyOn = async (api: RunningApi, username: 'auditor' | 'admin') => {
      const session = await login(api.url, username);
      return (await request(api.url).get('/api/audit-events/verify').set(bearer(session.accessToken)).expect(200)).body;
    };
    try {
      await run(oldRing, async (api) => {
        await login(api.url, 'caseworker.pavlodar');
      });
      await run(`${newKey},${oldRing}`, async (api) => {
        await login(api.url, 'official.pavlodar');
        expect(
          await scalar<string[]>(db.url, 'SELECT array_agg(DISTINCT key_id ORDER BY key_id) FROM audit_event'),
        ).toEqual(['e2e', 'k2']);
        expect(await verifyOn(api, 'auditor')).toMatchObject({ valid: true, problem: null });
      });
      await run(newKey, async (api) => {
        const first = await scalar<string>(db.url, 'SELECT min(id)::text FROM audit_event');
        expect(await verifyOn(api, 'admin')).toMatchObject({
          valid: false,
          firstBrokenId: first,
          problem: { code: 'audit.chain.key_missing', params: { id: first, keyId: 'e2e' } },
        });
      });
    } finally {
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
