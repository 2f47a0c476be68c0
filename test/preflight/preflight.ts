/**
 * What `npm test` needs from the machine beyond node_modules: Debian's Chromium for
 * the browser tests and a reachable PostgreSQL for the api and browser tests. Like
 * Playwright's `install --with-deps`, a missing Chromium is installed with apt when
 * running as root; anything else that is missing stops the run at once with one line
 * naming it and the command that provides it, instead of a dozen failed tests.
 *
 * The machine is reached only through `PreflightDeps`, so the unit test can play
 * every case (missing, installable, failing install, no root, no apt) for real
 * logic without touching this machine.
 */

/** The Chromium the browser tests drive: `CHROMIUM_PATH`, else Debian's package. */
export const chromiumPath = (env: NodeJS.ProcessEnv = process.env): string => env.CHROMIUM_PATH || '/usr/bin/chromium';

export interface ExecResult {
  status: number;
  /** stdout and stderr together, for the one-line failure. */
  output: string;
}

export interface PreflightDeps {
  env: NodeJS.ProcessEnv;
  /** The full path of an executable (a name searched on PATH, or a path), or null. */
  which(command: string): string | null;
  exec(command: string, args: string[], env?: NodeJS.ProcessEnv): ExecResult;
  isRoot: boolean;
  /** Resolves once `SELECT 1` answers on the server at `url`; rejects with the driver's error. */
  queryPostgres(url: string): Promise<void>;
  /** Progress for the person at the terminal (installing takes a minute). */
  log(line: string): void;
}

/** The first failure as one line, or null when the machine is ready. */
export type Check = (deps: PreflightDeps) => Promise<string | null>;

const lastLine = (output: string): string =>
  output
    .trim()
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .pop() ?? '';

/** A Chromium that starts: `--version` answers, so its shared libraries are all there. */
const chromiumProblem = (deps: PreflightDeps, path: string): string | null => {
  if (!deps.which(path)) return 'not found';
  const result = deps.exec(path, ['--version']);
  return result.status === 0 ? null : `does not start (${lastLine(result.output) || `exit ${result.status}`})`;
};

const APT_ENV = { DEBIAN_FRONTEND: 'noninteractive' };
// Waits for another apt run (a parallel install) instead of failing on its lock.
const APT_LOCK = ['-o', 'DPkg::Lock::Timeout=300'];

export const checkChromium: Check = async (deps) => {
  const path = chromiumPath(deps.env);
  const problem = chromiumProblem(deps, path);
  if (!problem) return null;
  if (deps.env.CHROMIUM_PATH) {
    return `Chromium ${problem} at CHROMIUM_PATH=${path}: point CHROMIUM_PATH at a Chromium binary, or unset it to use Debian's (apt-get install chromium).`;
  }
  if (!deps.isRoot || !deps.which('apt-get')) {
    return `Chromium ${problem} at ${path}: install it with \`sudo apt-get install chromium\`, or set CHROMIUM_PATH to a Chromium binary.`;
  }
  deps.log(`Chromium ${problem} at ${path}: installing Debian's chromium with apt-get…`);
  for (const args of [
    [...APT_LOCK, 'update', '-qq'],
    [...APT_LOCK, 'install', '-y', '-qq', 'chromium'],
  ]) {
    const result = deps.exec('apt-get', args, { ...deps.env, ...APT_ENV });
    if (result.status !== 0) {
      return `Chromium ${problem} at ${path}, and \`apt-get ${args.slice(APT_LOCK.length).join(' ')}\` failed (${lastLine(result.output) || `exit ${result.status}`}): install it with \`apt-get install chromium\`.`;
    }
  }
  const after = chromiumProblem(deps, path);
  return after ? `Chromium ${after} at ${path} even after \`apt-get install chromium\`.` : null;
};

/** The server the api and browser tests create their databases on (test/support/api-process.ts reads the same). */
export const testServerUrl = (env: NodeJS.ProcessEnv = process.env): string =>
  env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The URL without its password, fit for a message. */
const shown = (url: string): string => {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
};

export const checkPostgres: Check = async (deps) => {
  const url = testServerUrl(deps.env);
  try {
    await deps.queryPostgres(url);
    return null;
  } catch (error) {
    const reason =
      (error as { code?: string }).code ?? lastLine(error instanceof Error ? error.message : String(error));
    return `PostgreSQL is not reachable at ${shown(url)} (${reason}): start it (\`pg_ctlcluster --skip-systemctl-redirect <version> main start\`), or set TEST_DATABASE_URL to a server whose user may create databases.`;
  }
};

/** Runs the checks in order and returns the first failure, or null. */
export async function preflight(
  deps: PreflightDeps,
  checks: Check[] = [checkPostgres, checkChromium],
): Promise<string | null> {
  for (const check of checks) {
    const failure = await check(deps);
    if (failure) return failure;
  }
  return null;
}
