/**
 * `npm run bench`: timings of the foundation on a realistically large database.
 * Starts the built API on a fresh PostgreSQL database, bulk-loads staff and a long
 * audit chain, then measures the hot paths over HTTP. Prints a table; asserts nothing.
 */
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { auditHash, GENESIS_HASH } from '../../apps/api/src/modules/audit/audit-hash';
import { startApi } from '../support/api-process';
import { login } from '../support/auth';

const USERS = Number(process.env.BENCH_USERS ?? 50_000);
const AUDIT_EVENTS = Number(process.env.BENCH_AUDIT_EVENTS ?? 300_000);
const SAMPLES = 100;

async function timeIt(label: string, n: number, fn: (i: number) => Promise<void>, concurrency = 1) {
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        const t = performance.now();
        await fn(i);
        times.push(performance.now() - t);
      }
    }),
  );
  const total = performance.now() - started;
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))].toFixed(1);
  console.log(
    `${label.padEnd(52)} n=${String(n).padStart(4)} c=${concurrency}  p50 ${pct(50).padStart(7)} ms  p95 ${pct(95).padStart(7)} ms  ${((n / total) * 1000).toFixed(0).padStart(5)}/s`,
  );
}

async function seedUsers(db: Client) {
  await db.query(
    `INSERT INTO app_user (username, full_name, email, role, region_id, password_hash)
     SELECT 'bench.user.' || g, 'Бенч Қолданушы ' || md5(g::text), 'user' || g || '@example.kz',
            CASE WHEN g % 2 = 0 THEN 'caseworker' ELSE 'regional_official' END,
            1 + g % 20, 'not-a-real-hash'
       FROM generate_series(1, $1) g`,
    [USERS],
  );
}

/** Appends a valid chain of synthetic events after the existing ones. */
async function seedAuditChain(db: Client) {
  const [last] = (await db.query('SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1')).rows;
  let prevHash: string = last?.hash ?? GENESIS_HASH;
  let id = Number(last?.id ?? 0);
  const actions = ['user.update', 'region.update', 'auth.login', 'auth.login_failed', 'user.create'];
  for (let done = 0; done < AUDIT_EVENTS; ) {
    const batch = Math.min(2000, AUDIT_EVENTS - done);
    const values: unknown[] = [];
    const rows: string[] = [];
    for (let k = 0; k < batch; k++) {
      id++;
      const row = {
        id: String(id),
        occurredAt: new Date(Date.now() - (AUDIT_EVENTS - done - k) * 1000),
        actorId: 1 + (id % 6),
        actorUsername: `bench.${id % 6}`,
        actorRole: 'admin',
        action: actions[id % actions.length],
        entityType: 'user',
        entityId: String(id % 5000),
        regionId: 1 + (id % 20),
        changes: { fullName: { before: `a${id}`, after: `b${id}` } },
        requestId: `bench-${id}`,
        ip: '127.0.0.1',
      };
      const hash = auditHash(prevHash, row);
      const base = values.length;
      rows.push(`(${Array.from({ length: 14 }, (_, j) => `$${base + j + 1}`).join(',')})`);
      values.push(row.id, row.occurredAt, row.actorId, row.actorUsername, row.actorRole, row.action, row.entityType,
        row.entityId, row.regionId, JSON.stringify(row.changes), row.requestId, row.ip, prevHash, hash);
      prevHash = hash;
    }
    await db.query(
      `INSERT INTO audit_event (id, occurred_at, actor_id, actor_username, actor_role, action, entity_type, entity_id,
         region_id, changes, request_id, ip, prev_hash, hash) VALUES ${rows.join(',')}`,
      values,
    );
    done += batch;
  }
  await db.query(`SELECT setval('audit_event_id_seq', $1)`, [id]);
  await db.query('ANALYZE');
}

async function main() {
  const api = await startApi({ LOG_LEVEL: 'error' });
  const db = new Client({ connectionString: api.databaseUrl });
  await db.connect();
  try {
    let t = performance.now();
    await seedUsers(db);
    await seedAuditChain(db);
    console.log(`seeded ${USERS} users and ${AUDIT_EVENTS} audit events in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);

    const admin = await login(api.url, 'admin');
    const get = async (path: string) => {
      const response = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${admin.accessToken}` } });
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      await response.arrayBuffer();
    };
    const enc = (v: unknown) => encodeURIComponent(JSON.stringify(v));

    await timeIt(`GET /users first page of ${USERS}`, SAMPLES, () => get(`/api/users?range=${enc([0, 24])}`));
    await timeIt('GET /users page 1000 (offset 24,975)', SAMPLES, () => get(`/api/users?range=${enc([24975, 24999])}`));
    await timeIt('GET /users filter q (trigram search)', SAMPLES, (i) =>
      get(`/api/users?filter=${enc({ q: `user${1000 + i}@` })}`));
    await timeIt('GET /users filter role + region', SAMPLES, (i) =>
      get(`/api/users?filter=${enc({ role: 'caseworker', regionId: 1 + (i % 20) })}`));
    await timeIt(`GET /audit-events first page of ${AUDIT_EVENTS}`, SAMPLES, () => get(`/api/audit-events?range=${enc([0, 24])}`));
    await timeIt('GET /audit-events filter actorId', SAMPLES, (i) => get(`/api/audit-events?filter=${enc({ actorId: 1 + (i % 6) })}`));
    await timeIt('GET /audit-events filter action + dates', SAMPLES, () =>
      get(`/api/audit-events?filter=${enc({ action: 'auth.login_failed', occurredFrom: '2026-01-01' })}`));
    await timeIt('GET /calendar/add-working-days (60 days)', SAMPLES, () => get('/api/calendar/add-working-days?from=2026-03-02&days=60'));
    await timeIt('POST /auth/login (argon2id)', 50, async () => {
      await login(api.url, 'caseworker.pavlodar');
    }, 4);
    await timeIt('POST /users (hash + insert + audit in one tx)', 100, async (i) => {
      const response = await fetch(`${api.url}/api/users`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin.accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ username: `bench.new.${i}`, fullName: 'Бенч', role: 'caseworker', regionId: 1, password: 'bench-password-123' }),
      });
      if (response.status !== 201) throw new Error(`create: ${response.status} ${await response.text()}`);
    }, 8);

    t = performance.now();
    const response = await fetch(`${api.url}/api/audit-events/verify`, { headers: { authorization: `Bearer ${admin.accessToken}` } });
    const verification = (await response.json()) as { valid: boolean; checked: number };
    const seconds = (performance.now() - t) / 1000;
    console.log(`\nGET /audit-events/verify: ${verification.checked} rows, valid=${verification.valid}, ${seconds.toFixed(2)} s (${(verification.checked / seconds).toFixed(0)} rows/s)`);

    const plan = await db.query(
      `EXPLAIN SELECT * FROM app_user u WHERE u.username ILIKE '%user1234@%' OR u.full_name ILIKE '%user1234@%' OR u.email ILIKE '%user1234@%'`,
    );
    console.log(`\nplan of the user search:\n${plan.rows.map((r: Record<string, string>) => `  ${r['QUERY PLAN']}`).join('\n')}`);
  } finally {
    await db.end();
    await api.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
