import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { testServerUrl } from '../preflight/preflight';

/** The PostgreSQL server the end-to-end tests create their databases on. */
export const TEST_SERVER_URL = testServerUrl();
const MAIN = join(__dirname, '..', '..', 'dist', 'apps', 'api', 'src', 'main.js');
/** The JWT signing secret every API started here uses (unless `env` overrides it). */
export const E2E_JWT_SECRET = 'e2e-secret-that-is-long-enough-0123456789';
/** The audit chain's HMAC keys and the personal-data master keys of every API started here. */
export const E2E_AUDIT_CHAIN_KEYS = `e2e:${Buffer.alloc(32, 'a').toString('base64')}`;
export const E2E_DATA_MASTER_KEYS = `e2e:${Buffer.alloc(32, 'm').toString('base64')}`;
/** The Ed25519 seed every API started here signs its audit checkpoints with. */
export const E2E_AUDIT_CHECKPOINT_KEYS = `e2e:${Buffer.alloc(32, 'c').toString('base64')}`;

/**
 * The role every e2e API connects as; its migrations run as the server's superuser
 * (DATABASE_OWNER_URL), which owns the tables, as in production (docs/audit-chain.md).
 */
export const E2E_APP_ROLE = 'qonys_e2e_app';

export interface RunningApi {
  /** http://localhost:<port> */
  url: string;
  /** The database this API process uses (its own, fresh, migrated), as its owner; '' in embedded mode. */
  databaseUrl: string;
  /** The same database as the API's own role (E2E_APP_ROLE) connects to it; '' in embedded mode. */
  appDatabaseUrl: string;
  /** DATA_DIR of the process: its documents and audit checkpoints. */
  dataDir: string;
  /** Output of the process so far, for failure messages. */
  output(): string;
  /** The API's process id (its memory is read from /proc in the export test). */
  pid: number;
  stop(): Promise<void>;
  /** SIGKILL, as a crash or an OOM killer would: nothing shuts down; the database is kept for a restart. */
  kill(): Promise<void>;
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** The URL of the same database for another role (trust authentication, no password). */
export function asRole(databaseUrl: string, role: string): string {
  const url = new URL(databaseUrl);
  url.username = role;
  url.password = '';
  return url.toString();
}

/** Creates the shared application role once per server; parallel suites may race to it. */
async function ensureAppRole(ownerUrl: string): Promise<void> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [E2E_APP_ROLE]);
    if (rowCount === 0) await client.query(`CREATE ROLE ${E2E_APP_ROLE} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE`);
  } catch (error) {
    // Another suite created it between the check and the CREATE.
    if (!['42710', '23505'].includes((error as { code?: string }).code ?? '')) throw error;
  } finally {
    await client.end();
  }
}

export async function createDatabase(): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `qonys_e2e_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: TEST_SERVER_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    name,
    url: withDatabase(TEST_SERVER_URL, name),
    async drop() {
      const client = new Client({ connectionString: TEST_SERVER_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export interface StartOptions {
  /** Use this database (the caller owns it) instead of a fresh one. */
  databaseUrl?: string;
  /**
   * Embedded mode: start without DATABASE_URL, on PGlite with its data under this
   * folder (the caller owns it; reuse it to test a restart).
   */
  embeddedDataDir?: string;
}

/**
 * Starts the built API (`npm run build` first) as its own process, as `npm start`
 * would, and waits until it serves. Each call gets its own fresh database unless
 * `databaseUrl` is given (then the caller owns that database), or runs on the
 * embedded database with `{ embeddedDataDir }`. It connects as E2E_APP_ROLE and
 * migrates as the URL's role, unless `env` sets DATABASE_OWNER_URL or DATABASE_URL itself.
 */

export async function startApi(
  env: Record<string, string> = {},
  databaseUrlOrOptions?: string | StartOptions,
): Promise<RunningApi> {
  const options: StartOptions =
    typeof databaseUrlOrOptions === 'string' ? { databaseUrl: databaseUrlOrOptions } : (databaseUrlOrOptions ?? {});
  const embedded = options.embeddedDataDir !== undefined;
  const db = options.databaseUrl || embedded ? null : await createDatabase();
  const url = embedded ? '' : (options.databaseUrl ?? db!.url);
  const appUrl = embedded ? '' : asRole(url, E2E_APP_ROLE);
  if (!embedded) await ensureAppRole(url);
  // Documents and checkpoints of parallel suites must not meet in one folder.
  const ownDataDir = embedded || env.DATA_DIR ? null : mkdtempSync(join(tmpdir(), 'qonys-e2e-data-'));
  const dataDir = options.embeddedDataDir ?? env.DATA_DIR ?? ownDataDir!;
  const child: ChildProcess = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: appUrl,
      DATABASE_OWNER_URL: url,
      DATA_DIR: dataDir,
      DEMO_DATA: 'true',
      // The demo users only: generated families would slow every suite (DEMO_FAMILIES=300 for a browser walk).
      DEMO_FAMILIES: '0',
      JWT_SECRET: E2E_JWT_SECRET,
      AUDIT_CHAIN_KEYS: E2E_AUDIT_CHAIN_KEYS,
      DATA_MASTER_KEYS: E2E_DATA_MASTER_KEYS,
      AUDIT_CHECKPOINT_KEYS: E2E_AUDIT_CHECKPOINT_KEYS,
      LOG_LEVEL: 'warn',
      LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
      SERVE_ADMIN: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const running = () => child.exitCode === null && child.signalCode === null;
  const stop = async () => {
    if (running()) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      // PGlite flushes its data on close: give it time, or a restart finds it half-written.
      const grace = embedded ? 30_000 : 5000;
      await Promise.race([exited, new Promise((r) => setTimeout(r, grace).unref())]);
      if (running()) child.kill('SIGKILL');
    }
    child.stdout!.destroy();
    child.stderr!.destroy();
    await db?.drop();
    if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
  };

  let apiUrl: string;
  try {
    apiUrl = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`API did not start in 60 s:\n${output}`)), 60_000);
      const onData = () => {
        const match = /Qonys is running on (http:\/\/localhost:\d+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout!.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`API exited with code ${code}:\n${output}`));
      });
    });
  } catch (error) {
    // No RunningApi reaches the caller, so nobody else would stop the process or drop its database.
    await stop();
    throw error;
  }

  const kill = async () => {
    if (!running()) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  };
  return {
    url: apiUrl,
    databaseUrl: url,
    appDatabaseUrl: appUrl,
    dataDir,
    output: () => output,
    pid: child.pid!,
    stop,
    kill,
  };
}
