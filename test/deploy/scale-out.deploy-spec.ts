import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createDatabase, type RunningApi, startApi } from '../support/api-process';
import { DEMO_PASSWORD, login } from '../support/auth';
import { freePort, type RunningNginx, startNginx } from '../support/nginx-process';

/**
 * docker-compose.yml's topology as processes (no container engine here): Debian's nginx
 * with deploy/nginx.conf in front of two API replicas (api-1, api-2) on one PostgreSQL,
 * sharing one document store (the compose file's S3 bucket; a folder here). See
 * docs/deployment.md. `npm run test:deploy`.
 */

const LOGIN_LIMIT = 10;
const CLIENTS = 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('two API replicas behind nginx', () => {
  let database: Awaited<ReturnType<typeof createDatabase>>;
  let dataDir: string;
  let ports: { listen: number; api1: number; api2: number };
  let api1: RunningApi;
  let api2: RunningApi;
  let nginx: RunningNginx;
  const replicaEnv = (port: number): Record<string, string> => ({
    PORT: String(port),
    TRUST_PROXY: 'true',
    DATA_DIR: dataDir,
    LOGIN_RATE_LIMIT_PER_MINUTE: String(LOGIN_LIMIT),
    SERVE_ADMIN: 'true',
  });
  const upstream = (port: number) => `127.0.0.1:${port}`;
  const query = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    database = await createDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'qonys-deploy-data-'));
    ports = { listen: await freePort(), api1: await freePort(), api2: await freePort() };
    // As compose starts them: both at once on an empty database.
    [api1, api2] = await Promise.all([
      startApi(replicaEnv(ports.api1), database.url),
      startApi(replicaEnv(ports.api2), database.url),
    ]);
    nginx = await startNginx(ports);
  }, 180_000);

  afterAll(async () => {
    await nginx?.stop();
    await Promise.all([api1?.stop(), api2?.stop()]);
    await database?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('starts both replicas together on an empty database: each migration ran once, the demo users exist once', async () => {
    const migrations = await query<{ name: string; times: number }>(
      `SELECT name, count(*)::int AS times FROM migration GROUP BY name HAVING count(*) > 1`,
    );
    expect(migrations).toEqual([]);
    const users = await query<{ username: string; times: number }>(
      `SELECT username, count(*)::int AS times FROM app_user GROUP BY username HAVING count(*) > 1`,
    );
    expect(users).toEqual([]);
    for (const api of [api1, api2]) expect((await fetch(`${api.url}/api/health/ready`)).status).toBe(200);
  });

  it('sends the admin compressed through nginx: hashed files immutable, index.html revalidated, JSON gzipped', async () => {
    const page = await fetch(`${nginx.url}/`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-encoding')).toBe('br');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(await page.text())![1];
    const asset = await fetch(`${nginx.url}${script}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const missing = await fetch(`${nginx.url}/assets/gone-00000000.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control') ?? '').not.toContain('immutable');
    // The OpenAPI document (~100s of kB of JSON), which the API itself sends uncompressed.
    const json = await fetch(`${nginx.url}/api/docs-json`, { headers: { 'accept-encoding': 'gzip' } });
    expect(json.status).toBe(200);
    expect(json.headers.get('content-encoding')).toBe('gzip');
  });

  it('keeps a session across replicas: a token from replica 1 works on replica 2, a logout on 2 ends it on 1', async () => {
    const session = await login(api1.url, 'caseworker.pavlodar');
    const me = (url: string) =>
      fetch(`${url}/api/auth/me`, { headers: { authorization: `Bearer ${session.accessToken}` } });
    expect((await me(api2.url)).status).toBe(200);
    const out = await fetch(`${api2.url}/api/auth/logout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.accessToken}` },
      body: JSON.stringify({ refreshToken: session.refreshToken }),
    });
    expect(out.status).toBe(204);
    expect((await me(api1.url)).status).toBe(401);
    expect((await me(api2.url)).status).toBe(401);
  });

  it('under load, loses no GET when a replica is killed, runs each job once, and takes the restarted replica back', async () => {
    const caseworker = await login(nginx.url, 'caseworker.pavlodar');
    const admin = await login(nginx.url, 'admin');
    const results: { id: string; status: number; at: number }[] = [];
    let stop = false;
    let sent = 0;
    const client = async () => {
      while (!stop) {
        const id = `load-${sent++}`;
        const status = await fetch(`${nginx.url}/api/applications?range=[0,24]&sort=["id","DESC"]`, {
          headers: { authorization: `Bearer ${caseworker.accessToken}`, 'x-test-id': id },
        }).then(
          async (response) => {
            await response.arrayBuffer();
            return response.status;
          },
          () => 0,
        );
        results.push({ id, status, at: Date.now() });
      }
    };
    const runJob = async (): Promise<string> => {
      const response = await fetch(`${nginx.url}/api/jobs/monitoring-aggregates/runs`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin.accessToken}` },
      });
      expect(response.status).toBe(201);
      const { id } = (await response.json()) as { id: string };
      for (let i = 0; i < 300; i++) {
        const run = (await (
          await fetch(`${nginx.url}/api/jobs/runs/${id}`, { headers: { authorization: `Bearer ${admin.accessToken}` } })
        ).json()) as { state: string };
        if (run.state === 'completed' || run.state === 'failed') return id;
        await sleep(100);
      }
      throw new Error(`run ${id} did not finish`);
    };

    const load = Array.from({ length: CLIENTS }, client);
    const runs: string[] = [];
    await sleep(2000);
    runs.push(await runJob());
    const killedAt = Date.now();
    await api2.kill();
    await sleep(2000);
    runs.push(await runJob());
    await sleep(2000);
    // Restarted on its port, as `restart: unless-stopped` would, on the same database.
    api2 = await startApi(replicaEnv(ports.api2), database.url);
    const restartedAt = Date.now();
    // nginx tries a failed replica again after fail_timeout (10 s).
    const rejoined = async () => {
      for (let i = 0; i < 150; i++) {
        const after = new Set(results.filter((r) => r.at > restartedAt).map((r) => r.id));
        const served = nginx.accessLog().filter((line) => after.has(line.testId));
        if (served.some((line) => line.upstreams.at(-1) === upstream(ports.api2) && line.status === 200)) return true;
        await sleep(100);
      }
      return false;
    };
    const back = await rejoined();
    runs.push(await runJob());
    await sleep(1000);
    stop = true;
    await Promise.all(load);

    // Every GET succeeded, those in flight on the killed replica included (nginx retried them).
    const failed = results.filter((r) => r.status !== 200);
    expect({ requests: results.length, failed: failed.slice(0, 5) }).toEqual({ requests: results.length, failed: [] });
    expect(results.length).toBeGreaterThan(100);
    const log = new Map(nginx.accessLog().map((line) => [line.testId, line]));
    const servedBy = (from: number, to: number, port: number) =>
      results.filter((r) => r.at > from && r.at <= to && log.get(r.id)?.upstreams.at(-1) === upstream(port)).length;
    expect(servedBy(0, killedAt, ports.api2)).toBeGreaterThan(0);
    expect(servedBy(killedAt + 1000, restartedAt, ports.api2)).toBe(0);
    expect(servedBy(killedAt, restartedAt, ports.api1)).toBeGreaterThan(0);
    expect(back).toBe(true);
    const retried = [...log.values()].filter((line) => line.testId.startsWith('load-') && line.upstreams.length > 1);
    process.stdout.write(
      `scale-out: ${results.length} GETs by ${CLIENTS} clients in ${((Date.now() - killedAt) / 1000 + 2).toFixed(0)} s, ` +
        `${retried.length} retried on the other replica by nginx, 0 failed; replica 2 back ${((restartedAt - killedAt) / 1000).toFixed(1)} s after the kill\n`,
    );

    // Each run: one pg-boss job, done on its first try; one claim of the run, completed.
    const jobs = await query<{ run_id: string; state: string; retry_count: number }>(
      `SELECT data->>'runId' AS run_id, state, retry_count FROM pgboss.job WHERE name = 'monitoring-aggregates' AND data->>'runId' = ANY($1)`,
      [runs],
    );
    expect(jobs.sort((a, b) => a.run_id.localeCompare(b.run_id))).toEqual(
      [...runs].sort().map((id) => ({ run_id: id, state: 'completed', retry_count: 0 })),
    );
    const rows = await query<{ id: string; state: string; attempts: number }>(
      `SELECT id::text, state, attempts FROM job_run WHERE id::text = ANY($1)`,
      [runs],
    );
    expect(rows.map(({ state, attempts }) => ({ state, attempts }))).toEqual(
      runs.map(() => ({ state: 'completed', attempts: 1 })),
    );
  }, 120_000);

  it('holds the login rate limit across replicas: over the limit, nginx answers 429 whichever replica it picks', async () => {
    // A client address of its own (nginx appends to X-Forwarded-For; TRUST_PROXY reads it).
    const attempt = async (n: number) => {
      const response = await fetch(`${nginx.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7', 'x-test-id': `login-${n}` },
        body: JSON.stringify({ username: 'caseworker.abai', password: DEMO_PASSWORD }),
      });
      await response.arrayBuffer();
      return response.status;
    };
    const statuses: number[] = [];
    for (let n = 0; n < LOGIN_LIMIT * 2 + 4; n++) statuses.push(await attempt(n));
    // Counted per replica, round robin would have let 2 × LOGIN_LIMIT through.
    expect(statuses.filter((s) => s === 200)).toHaveLength(LOGIN_LIMIT);
    expect(statuses.slice(LOGIN_LIMIT).every((s) => s === 429)).toBe(true);
    const log = nginx.accessLog().filter((line) => line.testId.startsWith('login-'));
    const refusedBy = new Set(log.filter((line) => line.status === 429).map((line) => line.upstreams.at(-1)));
    expect(refusedBy).toEqual(new Set([upstream(ports.api1), upstream(ports.api2)]));
  });
});
