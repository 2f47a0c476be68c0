/**
 * `npm run bench`: timings of the foundation on a realistically large database.
 * Starts the built API on a fresh PostgreSQL database, bulk-loads staff and a long
 * audit chain, then measures the hot paths over HTTP. Prints a table; asserts nothing.
 * `--only scale` runs the national-scale comparison with its floor instead (scale.ts).
 */
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { DEFAULT_EXACT_TOTAL_LIMIT, parseListQuery } from '../../apps/api/src/common/list/list-query';
import { SnakeNamingStrategy } from '../../apps/api/src/database/snake-naming.strategy';
import { auditHash, GENESIS_HASH } from '../../apps/api/src/modules/audit/audit-hash';
import { Person } from '../../apps/api/src/modules/persons/entities/person.entity';
import { PERSON_LIST } from '../../apps/api/src/modules/persons/person-list';
import { PersonsRepository } from '../../apps/api/src/modules/persons/persons.repository';
import { parseKeyRing } from '../../apps/api/src/config/app.config';
import { E2E_AUDIT_CHAIN_KEYS, startApi } from '../support/api-process';
import { login, type Session } from '../support/auth';
import { type BenchPerson, benchPerson, passportSpelling, russianSpelling, seedPersons } from './persons-seed';
import { benchScale } from './scale';

const USERS = Number(process.env.BENCH_USERS ?? 50_000);
const AUDIT_EVENTS = Number(process.env.BENCH_AUDIT_EVENTS ?? 1_000_000);
const PERSONS = Number(process.env.BENCH_PERSONS ?? 1_000_000);
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

const AUDIT_COLUMNS = [
  ['id', 'bigint'], ['occurred_at', 'timestamptz'], ['actor_id', 'int'], ['actor_username', 'text'],
  ['actor_role', 'text'], ['action', 'text'], ['entity_type', 'text'], ['entity_id', 'text'], ['region_id', 'int'],
  ['changes', 'jsonb'], ['request_id', 'text'], ['ip', 'text'], ['prev_hash', 'text'], ['hash', 'text'], ['key_id', 'text'],
] as const;

/**
 * Appends a valid chain of synthetic events after the existing ones, HMAC-sealed with the
 * API's current key: one INSERT … SELECT FROM unnest(column arrays) per 20,000 rows.
 */
async function seedAuditChain(db: Client) {
  const ring = parseKeyRing('AUDIT_CHAIN_KEYS', E2E_AUDIT_CHAIN_KEYS);
  const key = ring.keys.get(ring.currentId)!;
  const [last] = (await db.query('SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1')).rows;
  let prevHash: string = last?.hash ?? GENESIS_HASH;
  let id = Number(last?.id ?? 0);
  const actions = ['user.update', 'region.update', 'auth.login', 'auth.login_failed', 'user.create'];
  const insert = `INSERT INTO audit_event (${AUDIT_COLUMNS.map(([c]) => c).join(', ')})
    SELECT * FROM unnest(${AUDIT_COLUMNS.map(([, t], i) => `$${i + 1}::${t}[]`).join(', ')})`;
  for (let done = 0; done < AUDIT_EVENTS; ) {
    const batch = Math.min(20_000, AUDIT_EVENTS - done);
    const columns: unknown[][] = AUDIT_COLUMNS.map(() => []);
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
        keyId: ring.currentId,
      };
      const hash = auditHash(prevHash, row, key);
      const values = [row.id, row.occurredAt.toISOString(), row.actorId, row.actorUsername, row.actorRole, row.action,
        row.entityType, row.entityId, row.regionId, JSON.stringify(row.changes), row.requestId, row.ip, prevHash, hash,
        row.keyId];
      values.forEach((v, c) => columns[c].push(v));
      prevHash = hash;
    }
    await db.query(insert, columns);
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

    if (PERSONS > 0) {
      await benchPersons(db, api.databaseUrl, api.url, admin, await login(api.url, 'caseworker.pavlodar'));
    }
  } finally {
    await db.end();
    await api.stop();
  }
}

/**
 * Name search on a large person table: a name as registered, in Latin, in a passport's
 * and a Russian spelling, a surname alone; an IIN, a document number; duplicates.
 */
async function benchPersons(db: Client, databaseUrl: string, apiUrl: string, admin: Session, caseworker: Session) {
  const seeded = await seedPersons(db, PERSONS);
  console.log(
    `\nloaded ${PERSONS} persons in ${seeded.loadSeconds.toFixed(1)} s (rows and keys built in Node: ` +
      `${seeded.generateSeconds.toFixed(1)} s, overlapping the inserts); indexes rebuilt in ${seeded.indexSeconds.toFixed(1)} s\n`,
  );
  const regionIds = (await db.query<{ id: number }>('SELECT id FROM region ORDER BY id')).rows.map((r) => r.id);
  const [{ first }] = (await db.query<{ first: number }>('SELECT min(id) AS first FROM person')).rows;
  const pavlodarId = caseworker.user.regionId!;
  /** Persons the run knows exist, spread over the table. */
  const known = (i: number) => benchPerson((i * 9_973 + 17) % PERSONS, regionIds);
  const knownId = (i: number) => first + ((i * 9_973 + 17) % PERSONS);
  const knownWithIin = (i: number) => {
    for (let k = i; ; k += 1_000) if (known(k).iin) return known(k);
  };
  const enc = (v: unknown) => encodeURIComponent(JSON.stringify(v));
  const matches: Record<string, number[]> = {};
  /** Lists persons with `q` and notes how many matched (the Content-Range total). */
  const search = (label: string, session: Session, q: string) => async () => {
    const response = await fetch(`${apiUrl}/api/persons?filter=${enc({ q })}`, {
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    if (!response.ok) throw new Error(`q=${q}: ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
    (matches[label] ??= []).push(Number(response.headers.get('content-range')?.split('/')[1]));
  };
  const timeSearch = async (label: string, session: Session, q: (i: number) => string) => {
    await timeIt(label, SAMPLES, (i) => search(label, session, q(i))());
    const totals = matches[label].sort((a, b) => a - b);
    console.log(`${''.padEnd(52)} matches: median ${totals[totals.length >> 1]}, max ${totals[totals.length - 1]}`);
  };
  const get = async (path: string) => {
    const response = await fetch(`${apiUrl}${path}`, { headers: { authorization: `Bearer ${admin.accessToken}` } });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
  };

  await timeSearch(
    'GET /persons q: name as registered (Cyrillic)',
    admin,
    (i) => `${known(i).surname} ${known(i).givenName}`,
  );
  await timeSearch(
    'GET /persons q: name in Latin (2021 alphabet)',
    admin,
    (i) => `${known(i).surnameLatin} ${known(i).givenNameLatin}`,
  );
  await timeSearch('GET /persons q: passport spelling (ZHUMABAEV…)', admin, (i) =>
    passportSpelling(`${known(i).surname} ${known(i).givenName}`),
  );
  await timeSearch('GET /persons q: Russian spelling (Жумабаев…)', admin, (i) =>
    russianSpelling(`${known(i).givenName} ${known(i).surname}`),
  );
  await timeSearch('GET /persons q: full name with patronymic', admin, (i) =>
    [known(i).surname, known(i).givenName, known(i).patronymic].filter(Boolean).join(' '),
  );
  await timeSearch('GET /persons q: surname alone', admin, (i) => known(i).surname);
  await timeSearch(
    'GET /persons q: name, as a regional caseworker',
    caseworker,
    (i) => `${known(i).surname} ${known(i).givenName}`,
  );
  await timeSearch('GET /persons q: IIN', admin, (i) => knownWithIin(i).iin!);
  await timeSearch('GET /persons q: document number (n 1000 1234)', admin, (i) =>
    known(i)
      .idDocumentNumber.toLowerCase()
      .replace(/^(.)(\d{4})/, '$1 $2 '),
  );
  await timeIt('GET /persons/:id/duplicates', SAMPLES, (i) =>
    get(`/api/persons/${knownId(i)}/duplicates`),
  );
  await timeIt(`GET /persons first page of ${PERSONS} (newest first)`, SAMPLES, () =>
    get(`/api/persons?range=${enc([0, 24])}`),
  );
  await timeIt('GET /persons first page, regional caseworker', SAMPLES, async () => {
    const response = await fetch(`${apiUrl}/api/persons`, {
      headers: { authorization: `Bearer ${caseworker.accessToken}` },
    });
    await response.arrayBuffer();
  });
  await timeIt('GET /persons sorted by surname (no index)', 10, () =>
    get(`/api/persons?sort=${enc(['surname', 'ASC'])}`),
  );

  const probe = known(3);
  console.log(`\nplans for '${probe.surname} ${probe.givenName}', born ${probe.birthDate} — the SQL the API issues:`);
  await explainPersonQueries(databaseUrl, probe, pavlodarId, knownId(3));
}

/**
 * EXPLAIN ANALYZE of exactly what the persons repository sends: its list and count for
 * a name (nationwide and for one region), an IIN and a document number, and the
 * duplicate lookup — captured from TypeORM's query log, then explained.
 */
async function explainPersonQueries(url: string, probe: BenchPerson, regionId: number, probeId: number) {
  const captured: [string, unknown[]][] = [];
  const capture = (query: string, parameters?: unknown) => {
    if (/^\s*(SELECT|WITH)/i.test(query)) captured.push([query, (parameters as unknown[] | undefined) ?? []]);
  };
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    entities: [Person],
    namingStrategy: new SnakeNamingStrategy(),
    logging: true,
    logger: {
      logQuery: capture,
      logQueryError: () => undefined,
      logQuerySlow: () => undefined,
      logSchemaBuild: () => undefined,
      logMigration: () => undefined,
      log: () => undefined,
    },
  });
  await dataSource.initialize();
  try {
    const repository = new PersonsRepository(dataSource, { listExactTotalLimit: DEFAULT_EXACT_TOTAL_LIMIT });
    const list = (q: string) => parseListQuery({ filter: JSON.stringify({ q }) }, PERSON_LIST);
    const name = `${probe.surname} ${probe.givenName}`;
    const cases: [string, () => Promise<unknown>][] = [
      [`q=${name}, nationwide`, () => repository.listForRegion(list(name), null)],
      [`q=${name}, one region`, () => repository.listForRegion(list(name), regionId)],
      [
        `q=${probe.iin ?? '000000000000'} (IIN)`,
        () => repository.listForRegion(list(probe.iin ?? '000000000000'), null),
      ],
      [`q=${probe.idDocumentNumber} (document)`, () => repository.listForRegion(list(probe.idDocumentNumber), null)],
      ['duplicates', async () => repository.duplicatesOf((await repository.findWithKeys(probeId))!)],
    ];
    for (const [label, run] of cases) {
      captured.length = 0;
      await run();
      for (const [sql, parameters] of captured.filter(([sql]) => !/WHERE "p"\."id" = \$1/.test(sql))) {
        const plan = (await dataSource.query<Record<string, string>[]>(`EXPLAIN ANALYZE ${sql}`, parameters)).map(
          (row) => row['QUERY PLAN'],
        );
        const seqScan = plan.some((line) => /Seq Scan on person\b/.test(line));
        const kind = /COUNT\(/i.test(sql) ? 'count' : 'rows';
        console.log(
          `\n${label} — ${kind}${seqScan ? ' — SEQUENTIAL SCAN ON person' : ', no sequential scan on person'}:`,
        );
        console.log(plan.map((line) => `  ${line}`).join('\n'));
      }
    }
  } finally {
    await dataSource.destroy();
  }
}

// `npm run bench -- --only scale …`: Qonys against its floor on the national dataset (scale.ts).
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
(only === 'scale' ? benchScale(process.argv.slice(2)) : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
