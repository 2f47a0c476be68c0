/**
 * `npm run bench -- --only scale [--families N] [--database-url URL] [--seconds S]`:
 * Qonys against its floor (floor-server.ts) on the national dataset, per hot path at
 * 8 and 32 connections, then 50 staff mixed for 60 s. See docs/benchmarks.md.
 *
 * Without --database-url (or BENCH_DATABASE_URL) it seeds a fresh database with the
 * demo generator's national path (default 100,000 families) and drops it at the end;
 * with one, it uses that seeded database as it is (--keep leaves a seeded one behind).
 */
import 'reflect-metadata';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { DEFAULT_EXACT_TOTAL_LIMIT, parseListQuery } from '../../apps/api/src/common/list/list-query';
import { createFileStore } from '../../apps/api/src/common/storage/file-store.provider';
import { loadConfig } from '../../apps/api/src/config/app.config';
import { seedDemoDatabase } from '../../apps/api/src/database/seeds/demo/seed-database';
import { SnakeNamingStrategy } from '../../apps/api/src/database/snake-naming.strategy';
import {
  APPLICATION_LIST,
  ApplicationsRepository,
} from '../../apps/api/src/modules/applications/applications.repository';
import { Application } from '../../apps/api/src/modules/applications/entities/application.entity';
import { Person } from '../../apps/api/src/modules/persons/entities/person.entity';
import { PERSON_LIST } from '../../apps/api/src/modules/persons/person-list';
import { PersonsRepository } from '../../apps/api/src/modules/persons/persons.repository';
import { User } from '../../apps/api/src/modules/users/entities/user.entity';
import {
  createDatabase,
  E2E_AUDIT_CHAIN_KEYS,
  E2E_AUDIT_CHECKPOINT_KEYS,
  E2E_DATA_MASTER_KEYS,
  E2E_JWT_SECRET,
  startApi,
} from '../support/api-process';
import { login, type Session } from '../support/auth';
import { ACTIVE_STATUSES } from '@qonys/domain';
import { parsePersonQuery } from '../../apps/api/src/modules/persons/person-keys';
import { COUNT_CAP, FLOOR_INDEX_NAMES, FLOOR_INDEXES, floorSql } from './floor-server';

const BENCH_CASEWORKER = 'bench.caseworker';
const enc = (v: unknown) => encodeURIComponent(JSON.stringify(v));

interface Options {
  families: number;
  databaseUrl: string | null;
  seconds: number;
  connections: number[];
  mixedSeconds: number;
  keep: boolean;
}

export function scaleOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    strict: false,
    options: {
      families: { type: 'string' },
      'database-url': { type: 'string' },
      seconds: { type: 'string' },
      connections: { type: 'string' },
      'mixed-seconds': { type: 'string' },
      keep: { type: 'boolean' },
    },
  });
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    families: Number(text(values.families) ?? process.env.BENCH_FAMILIES ?? 100_000),
    databaseUrl: text(values['database-url']) ?? process.env.BENCH_DATABASE_URL ?? null,
    seconds: Number(text(values.seconds) ?? 10),
    connections: (text(values.connections) ?? '8,32').split(',').map(Number),
    mixedSeconds: Number(text(values['mixed-seconds']) ?? 60),
    keep: values.keep === true,
  };
}

/** A hot path: the same request to both servers, and how to explain each side's SQL. */
interface HotPath {
  name: string;
  role: 'caseworker' | 'admin';
  /** Path and query; `rotate` gives the n-th request's path instead (the case page walks over cases). */
  path: string;
  rotate?: (n: number) => string;
  /** Runs Qonys's repository call for this page with its SQL captured. */
  qonys: () => Promise<unknown>;
  /** The floor's statements for this page, with their parameters. */
  floor: [string, unknown[]][];
}

interface Run {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
}

async function load(
  url: string,
  requests: { path: string; token: string; rotate?: (n: number) => string }[],
  connections: number,
  seconds: number,
): Promise<Run> {
  let n = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 30,
    requests: requests.map((r) => ({
      method: 'GET' as const,
      path: r.path,
      headers: { authorization: `Bearer ${r.token}` },
      ...(r.rotate ? { setupRequest: (request: autocannon.Request) => ({ ...request, path: r.rotate!(n++) }) } : {}),
    })),
  });
  return {
    rps: result.requests.total / (result.duration || seconds),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    requests: result.requests.total,
  };
}

/** The SQL the repositories send, captured from TypeORM's logger, then timed with EXPLAIN ANALYZE. */
class QonysSql {
  readonly captured: [string, unknown[]][] = [];
  readonly dataSource: DataSource;

  constructor(url: string) {
    this.dataSource = new DataSource({
      type: 'postgres',
      url,
      entities: [Application, Person, User],
      namingStrategy: new SnakeNamingStrategy(),
      logging: true,
      logger: {
        logQuery: (query: string, parameters?: unknown[]) => {
          if (/^\s*(SELECT|WITH)/i.test(query)) this.captured.push([query, parameters ?? []]);
        },
        logQueryError: () => undefined,
        logQuerySlow: () => undefined,
        logSchemaBuild: () => undefined,
        logMigration: () => undefined,
        log: () => undefined,
      },
    });
  }

  /** Milliseconds of execution of every statement the call sends (the second, warm run). */
  async time(run: () => Promise<unknown>): Promise<{ ms: number; statements: number }> {
    this.captured.length = 0;
    await run();
    const statements = [...this.captured];
    let ms = 0;
    for (const [sql, params] of statements) {
      await this.dataSource.query(`EXPLAIN ANALYZE ${sql}`, params);
      const plan = await this.dataSource.query<Record<string, string>[]>(`EXPLAIN ANALYZE ${sql}`, params);
      ms += executionMs(plan.map((r) => r['QUERY PLAN']));
    }
    return { ms, statements: statements.length };
  }
}

const executionMs = (plan: string[]): number =>
  plan.reduce((sum, line) => sum + Number(/(?:Execution|Planning) Time: ([\d.]+) ms/.exec(line)?.[1] ?? 0), 0);

async function explainFloor(db: Client, statements: [string, unknown[]][]): Promise<{ ms: number; plans: string[] }> {
  let ms = 0;
  const plans: string[] = [];
  for (const [sql, params] of statements) {
    await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
    const plan = (await db.query<Record<string, string>>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params)).rows.map(
      (r) => r['QUERY PLAN'],
    );
    ms += executionMs(plan);
    plans.push(plan.map((line) => `    ${line}`).join('\n'));
  }
  return { ms, plans };
}

/** Same JSON from both servers (the Content-Range total may differ: the floor estimates large ones). */
async function sameJson(qonysUrl: string, floorUrl: string, path: string, token: string): Promise<string> {
  const get = async (base: string) => {
    const response = await fetch(`${base}${path}`, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(120_000),
    });
    if (!response.ok) throw new Error(`${base}${path}: ${response.status} ${await response.text()}`);
    return { body: (await response.json()) as unknown, range: response.headers.get('content-range') };
  };
  let q, f;
  try {
    [q, f] = [await get(qonysUrl), await get(floorUrl)];
  } catch (error) {
    return `not compared: ${(error as Error).message}`;
  }
  const qText = JSON.stringify(q.body);
  const fText = JSON.stringify(f.body);
  if (qText !== fText) {
    let i = 0;
    while (qText[i] === fText[i]) i++;
    return `DIFFERENT at …${qText.slice(Math.max(0, i - 60), i + 60)}… vs …${fText.slice(Math.max(0, i - 60), i + 60)}…`;
  }
  return q.range === f.range ? 'same' : `same rows; range ${q.range} vs ${f.range}`;
}

async function startFloor(
  env: Record<string, string>,
): Promise<{ url: string; output(): string; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(
    join(__dirname, '..', '..', 'node_modules', '.bin', 'tsx'),
    [join(__dirname, 'floor-server.ts')],
    {
      env: { PATH: process.env.PATH, ...env, PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /floor server at (http:\/\/[\d.:]+)/.exec(output);
      if (match) resolve(match[1]);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`floor server exited with ${code}:\n${output}`)));
  });
  child.once('exit', (code, signal) => {
    if (signal !== 'SIGTERM') console.error(`\nfloor server exited (${code ?? signal}):\n${output.slice(-3000)}`);
  });
  return {
    url,
    output: () => output,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Waits until no other session of the database is running a statement: a server keeps
 * answering requests autocannon gave up on (timeouts), and both servers share the audit
 * chain's lock, so the next measurement starts only once the last one has drained.
 */
async function quiesce(db: Client): Promise<number> {
  const started = performance.now();
  for (let calm = 0; calm < 2;) {
    const [{ n }] = (
      await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active'`,
      )
    ).rows;
    calm = n === 0 ? calm + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return (performance.now() - started) / 1000;
}

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));

export async function benchScale(argv: string[]): Promise<void> {
  const options = scaleOptions(argv);
  const own = options.databaseUrl ? null : await createDatabase();
  const url = options.databaseUrl ?? own!.url;
  const files = mkdtempSync(join(tmpdir(), 'qonys-bench-scale-'));
  const config = loadConfig({
    DATABASE_URL: url,
    DATA_DIR: files,
    JWT_SECRET: E2E_JWT_SECRET,
    AUDIT_CHAIN_KEYS: E2E_AUDIT_CHAIN_KEYS,
    AUDIT_CHECKPOINT_KEYS: E2E_AUDIT_CHECKPOINT_KEYS,
    DATA_MASTER_KEYS: E2E_DATA_MASTER_KEYS,
  });
  const db = new Client({ connectionString: url });
  let api: Awaited<ReturnType<typeof startApi>> | null = null;
  let floor: Awaited<ReturnType<typeof startFloor>> | null = null;
  let qonysSql: QonysSql | null = null;
  try {
    if (own) {
      console.log(`seeding ${options.families} families (national bulk path) into ${own.name} …`);
      const seeded = await seedDemoDatabase(url, createFileStore(config), config, {
        families: options.families,
        seed: 2026,
        today: '2026-12-01',
        national: true,
      });
      console.log(
        `seeded ${seeded!.families} families, ${seeded!.persons} persons in ${seeded!.seconds.toFixed(1)} s ` +
          `(${Math.round(seeded!.families / seeded!.seconds)} families/s)`,
      );
    }
    await db.connect();
    // Qonys is measured on the schema as migrated: no floor index left behind by an interrupted run.
    for (const name of FLOOR_INDEX_NAMES) await db.query(`DROP INDEX IF EXISTS ${name}`);
    const [{ applications, persons }] = (
      await db.query<{ applications: number; persons: number }>(
        'SELECT (SELECT count(*) FROM application)::int AS applications, (SELECT count(*) FROM person)::int AS persons',
      )
    ).rows;
    const [busiest] = (
      await db.query<{ id: number; name: string; n: number }>(
        `SELECT a.region_id AS id, r.name_en AS name, count(*)::int AS n FROM application a JOIN region r ON r.id = a.region_id
          GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 1`,
      )
    ).rows;
    console.log(
      `\n${applications} applications, ${persons} persons; busiest region: ${busiest.name} (${busiest.n} cases)`,
    );
    // A caseworker of the busiest region, with the demo caseworker's password (no demo user works there).
    await db.query(
      `INSERT INTO app_user (username, full_name, role, region_id, password_hash)
         SELECT $1, 'Бенч Қызметкер', 'caseworker', $2, password_hash FROM app_user WHERE username = 'caseworker.pavlodar'
       ON CONFLICT (username) DO UPDATE SET region_id = EXCLUDED.region_id`,
      [BENCH_CASEWORKER, busiest.id],
    );

    api = await startApi({ LOG_LEVEL: 'error', ACCESS_TOKEN_TTL_SECONDS: '86400' }, { databaseUrl: url });
    const caseworker: Session = await login(api.url, BENCH_CASEWORKER);
    const admin: Session = await login(api.url, 'admin');
    const tokens = { caseworker: caseworker.accessToken, admin: admin.accessToken };

    const caseIds = (
      await db.query<{ id: number }>(
        'SELECT id FROM application WHERE region_id = $1 ORDER BY id DESC LIMIT 1000 OFFSET 10',
        [busiest.id],
      )
    ).rows.map((r) => r.id);
    const [someone] = (
      await db.query<{ surname: string; given_name: string }>(
        `SELECT surname, given_name FROM person WHERE region_id = $1 AND search_key ~ '^[a-zа-яәғқңөұүһі ]+$'
          ORDER BY id LIMIT 1 OFFSET 777`,
        [busiest.id],
      )
    ).rows;
    const fullName = `${someone.surname} ${someone.given_name}`;
    const deepRow = Math.min(100_000, Math.floor(busiest.n / 2));
    const lastStart = Math.max(0, busiest.n - 25);

    qonysSql = new QonysSql(api.appDatabaseUrl);
    await qonysSql.dataSource.initialize();
    // The API's own default, as its APP_CONFIG gives the repositories.
    const listConfig = { listExactTotalLimit: DEFAULT_EXACT_TOTAL_LIMIT };
    const applicationsRepo = new ApplicationsRepository(qonysSql.dataSource, listConfig);
    const personsRepo = new PersonsRepository(qonysSql.dataSource, listConfig);
    const queueParameters = (userId: number) => ({
      queueUserId: userId,
      queueToday: '2026-12-07',
      queueDueSoonBefore: '2026-12-12',
      queueExpiringBy: '2027-03-07',
    });
    const region = '$1';
    const listPath = (sort: string, order: string, start: number, filter?: unknown) =>
      `/api/applications?sort=${enc([sort, order])}&range=${enc([start, start + 24])}` +
      (filter ? `&filter=${enc(filter)}` : '');
    const listPathFor = (sort: string, order: 'ASC' | 'DESC', start: number): HotPath => ({
      name: start === 0 ? `list p1 by ${sort} ${order}` : start === lastStart ? 'list last page' : `list row ${start}`,
      role: 'caseworker',
      path: listPath(sort, order, start),
      qonys: () =>
        applicationsRepo.listPage(
          parseListQuery(
            { sort: JSON.stringify([sort, order]), range: JSON.stringify([start, start + 24]) },
            APPLICATION_LIST,
          ),
          busiest.id,
          queueParameters(caseworker.user.id),
        ),
      floor: [
        [floorSql.listPage(`region_id = ${region}`, sort, order, '$2', '$3'), [busiest.id, start, 25]],
        [floorSql.cappedCount(`region_id = ${region}`, '$2'), [busiest.id, COUNT_CAP + 1]],
      ],
    });
    const searchWords = (q: string) => {
      const query = parsePersonQuery(q);
      return query?.kind === 'name' ? [...new Set(query.value.split(' '))].slice(0, 8) : [];
    };
    const searchPath = (q: string): HotPath => ({
      name: q === fullName ? 'name search: full name' : `name search: '${q}'`,
      role: 'caseworker',
      path: `/api/persons?filter=${enc({ q })}&range=${enc([0, 24])}`,
      qonys: () =>
        personsRepo.listForRegion(parseListQuery({ filter: JSON.stringify({ q }) }, PERSON_LIST), busiest.id),
      floor: [[floorSql.personSearch(searchWords(q).length), [busiest.id, 0, 25, ...searchWords(q)]]],
    });
    const paths: HotPath[] = [
      ...(['id', 'number', 'status', 'createdAt', 'submittedAt'] as const).map((sort) => listPathFor(sort, 'DESC', 0)),
      listPathFor('deadlineDue', 'ASC', 0),
      listPathFor('id', 'DESC', deepRow),
      listPathFor('id', 'DESC', lastStart),
      searchPath(fullName),
      searchPath('Серік'),
      {
        name: 'case page',
        role: 'caseworker',
        path: `/api/applications/${caseIds[0]}`,
        rotate: (n) => `/api/applications/${caseIds[n % caseIds.length]}`,
        qonys: async () => {
          const manager = qonysSql!.dataSource.manager;
          await applicationsRepo.findInScope(manager, caseIds[0], busiest.id);
          await applicationsRepo.membersWithPersons(manager, caseIds[0]);
          await applicationsRepo.certificateOf(manager, caseIds[0]);
        },
        floor: [[floorSql.caseDetail, [caseIds[0], busiest.id]]],
      },
      {
        name: "admin 'mine' queue, no match",
        role: 'admin',
        path: listPath('id', 'DESC', 0, { queue: 'mine' }),
        qonys: () =>
          applicationsRepo.listPage(
            parseListQuery({ filter: JSON.stringify({ queue: 'mine' }) }, APPLICATION_LIST),
            null,
            queueParameters(admin.user.id),
          ),
        floor: [
          [
            floorSql.listPage(
              `assigned_to_id = $1 AND status IN (${ACTIVE_STATUSES.map((s) => `'${s}'`).join(', ')})`,
              'id',
              'DESC',
              '$2',
              '$3',
            ),
            [admin.user.id, 0, 25],
          ],
        ],
      },
    ];

    // Qonys first, on the schema as migrated; then the floor's indexes, then the floor.
    const qonys: Record<string, Record<number, Run>> = {};
    const qonysMs: Record<string, { ms: number; statements: number }> = {};
    /** Seconds the database stayed busy after the previous load (requests the client had given up on). */
    const drained: Record<string, number> = {};
    console.log(`\nQonys: ${options.seconds} s per path and connection count …`);
    for (const p of paths) {
      await quiesce(db);
      qonysMs[p.name] = await qonysSql.time(p.qonys);
      for (const c of options.connections) {
        drained[`Qonys ${p.name} before c=${c}`] = await quiesce(db);
        (qonys[p.name] ??= {})[c] = await load(api.url, [{ ...p, token: tokens[p.role] }], c, options.seconds);
        process.stdout.write('.');
      }
    }
    const mixed = paths.map((p) => ({ ...p, token: tokens[p.role] }));
    console.log(`\nQonys: 50 staff mixed for ${options.mixedSeconds} s …`);
    drained['Qonys mixed'] = await quiesce(db);
    const qonysMixed = await load(api.url, mixed, 50, options.mixedSeconds);
    drained['after Qonys mixed'] = await quiesce(db);

    console.log('creating the floor indexes …');
    let t = performance.now();
    await db.query(`SET maintenance_work_mem = '256MB'`);
    for (const sql of FLOOR_INDEXES) await db.query(sql);
    await db.query('VACUUM ANALYZE application, person');
    console.log(`  in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    floor = await startFloor({
      DATABASE_URL: api.appDatabaseUrl,
      JWT_SECRET: E2E_JWT_SECRET,
      AUDIT_CHAIN_KEYS: E2E_AUDIT_CHAIN_KEYS,
    });
    const floorRuns: Record<string, Record<number, Run>> = {};
    const floorPlans: Record<string, { ms: number; plans: string[] }> = {};
    const same: Record<string, string> = {};
    await db.query('SET jit = off');
    console.log(`floor: ${options.seconds} s per path and connection count …`);
    for (const p of paths) {
      await quiesce(db);
      same[p.name] = await sameJson(api.url, floor.url, p.path, tokens[p.role]);
      floorPlans[p.name] = await explainFloor(db, p.floor);
      for (const c of options.connections) {
        drained[`floor ${p.name} before c=${c}`] = await quiesce(db);
        (floorRuns[p.name] ??= {})[c] = await load(floor.url, [{ ...p, token: tokens[p.role] }], c, options.seconds);
        process.stdout.write('.');
      }
    }
    console.log(`\nfloor: 50 staff mixed for ${options.mixedSeconds} s …`);
    drained['floor mixed'] = await quiesce(db);
    const floorMixed = await load(floor.url, mixed, 50, options.mixedSeconds);
    drained['after floor mixed'] = await quiesce(db);

    t = performance.now();
    const verify = await fetch(`${api.url}/api/audit-events/verify`, {
      headers: { authorization: `Bearer ${admin.accessToken}` },
    });
    const chain = (await verify.json()) as { valid: boolean; checked: number };

    console.log(
      `\n## Qonys vs floor — ${applications} applications, ${persons} persons; caseworker of ${busiest.name} ` +
        `(${busiest.n} cases); ${options.seconds} s per cell\n`,
    );
    console.log(
      '| path | conns | Qonys req/s | floor req/s | ratio | Qonys p50 / p99 ms | floor p50 / p99 ms | Qonys SQL ms (stmts) | floor SQL ms | errors Q/F |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|---|');
    for (const p of paths) {
      for (const c of options.connections) {
        const q = qonys[p.name][c];
        const f = floorRuns[p.name][c];
        console.log(
          `| ${p.name} | ${c} | ${q.rps.toFixed(1)} | ${f.rps.toFixed(1)} | ${(q.rps / f.rps).toFixed(2)} | ` +
            `${ms(q.p50)} / ${ms(q.p99)} | ${ms(f.p50)} / ${ms(f.p99)} | ` +
            `${ms(qonysMs[p.name].ms)} (${qonysMs[p.name].statements}) | ${ms(floorPlans[p.name].ms)} | ${q.errors}/${f.errors} |`,
        );
      }
    }
    const mixedLine = (label: string, r: Run) =>
      `| ${label} | ${r.requests} | ${r.rps.toFixed(1)} | ${r.errors} | ${ms(r.p50)} | ${ms(r.p99)} | ${(r.p99 / r.p50).toFixed(1)} |`;
    console.log(`\n50 staff mixed for ${options.mixedSeconds} s (every path above in turn on each connection):\n`);
    console.log('| server | requests | req/s | errors | p50 ms | p99 ms | p99 / p50 |\n|---|---|---|---|---|---|---|');
    console.log(mixedLine('Qonys', qonysMixed));
    console.log(mixedLine('floor', floorMixed));
    console.log(`\nsame JSON from both (checked once per path):`);
    for (const p of paths) console.log(`  ${p.name}: ${same[p.name]}`);
    const backlog = Object.entries(drained).filter(([, seconds]) => seconds > 2);
    console.log(`\nstill busy after the previous load (s) — requests the load generator had timed out on:`);
    for (const [label, seconds] of backlog) console.log(`  ${label}: ${seconds.toFixed(1)}`);
    if (floor.output().includes('Error')) console.log(`\nthe floor's errors:\n${floor.output().slice(-3000)}`);
    console.log(`\naudit chain after the run: ${chain.checked} rows, valid=${chain.valid}`);
    console.log(`\nThe floor's SQL, EXPLAIN (ANALYZE, BUFFERS), warm:`);
    for (const p of paths) console.log(`\n  ${p.name}:\n${floorPlans[p.name].plans.join('\n\n')}`);
  } finally {
    await floor?.stop();
    if (qonysSql?.dataSource.isInitialized) await qonysSql.dataSource.destroy();
    await api?.stop();
    if (options.databaseUrl && db) {
      // A database given to the bench is left as found: without the floor's indexes.
      for (const name of FLOOR_INDEX_NAMES) await db.query(`DROP INDEX IF EXISTS ${name}`).catch(() => undefined);
    }
    await db.end().catch(() => undefined);
    if (own && !options.keep) await own.drop();
    else if (own) console.log(`kept the seeded database: ${own.url}`);
    rmSync(files, { recursive: true, force: true });
  }
}
