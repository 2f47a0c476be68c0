/**
 * `tsx test/preflight/run.ts [postgres] [chromium] [nginx]` (the first step of `npm test`,
 * `test:api`, `test:browser` and `test:deploy`): checks the machine — all of it without arguments —
 * and exits 1 with one line on stderr when something is missing. See ./preflight.ts.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { Client } from 'pg';
import { checkChromium, checkNginx, checkPostgres, preflight, type PreflightDeps } from './preflight';

const executable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

const deps: PreflightDeps = {
  env: process.env,
  which: (command) =>
    command.includes('/')
      ? executable(command)
        ? command
        : null
      : ((process.env.PATH ?? '')
          .split(delimiter)
          .map((dir) => join(dir, command))
          .find(executable) ?? null),
  exec: (command, args, env) => {
    const result = spawnSync(command, args, { env: env ?? process.env, encoding: 'utf8', timeout: 15 * 60_000 });
    return {
      status: result.status ?? 1,
      output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error?.message ?? ''}`,
    };
  },
  isRoot: process.getuid?.() === 0,
  queryPostgres: async (url) => {
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
    } finally {
      await client.end().catch(() => undefined);
    }
  },
  log: (line) => console.error(line),
};

const CHECKS = { postgres: checkPostgres, chromium: checkChromium, nginx: checkNginx };
const names = process.argv.slice(2);
const unknown = names.filter((name) => !(name in CHECKS));
if (unknown.length > 0) throw new Error(`unknown check ${unknown.join(', ')}: use ${Object.keys(CHECKS).join(', ')}`);

void preflight(deps, names.length > 0 ? names.map((name) => CHECKS[name as keyof typeof CHECKS]) : undefined).then(
  (failure) => {
    if (failure) {
      console.error(failure);
      process.exitCode = 1;
    }
  },
);
