import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';

/** The PostgreSQL server the end-to-end tests create their databases on. */
export const TEST_SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const MAIN = join(__dirname, '..', '..', 'dist', 'apps', 'api', 'src', 'main.js');

export interface RunningApi {
  /** http://localhost:<port> */
  url: string;
  /** The database this API process uses (its own, fresh, migrated). */
  databaseUrl: string;
  /** Output of the process so far, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
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

/**
 * Starts the built API (`npm run build` first) as its own process, as `npm start`
 * would, and waits until it serves. Each call gets its own fresh database unless
 * `databaseUrl` is given (then the caller owns that database).
 */
export async function startApi(env: Record<string, string> = {}, databaseUrl?: string): Promise<RunningApi> {
  const db = databaseUrl ? null : await createDatabase();
  const url = databaseUrl ?? db!.url;
  const child: ChildProcess = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: url,
      DEMO_DATA: 'true',
      JWT_SECRET: 'e2e-secret-that-is-long-enough-0123456789',
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

  const apiUrl = await new Promise<string>((resolve, reject) => {
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

  return {
    url: apiUrl,
    databaseUrl: url,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000).unref())]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      child.stdout!.destroy();
      child.stderr!.destroy();
      await db?.drop();
    },
  };
}
