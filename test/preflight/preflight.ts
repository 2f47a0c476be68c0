/**
 * What `npm test` needs from the machine beyond node_modules: Debian's Chromium for
 * the browser tests, Debian's nginx for the deployment test and a reachable PostgreSQL
 * for the api, browser and deployment tests. Like Playwright's `install --with-deps`, a
 * missing Chromium or nginx is installed with apt when
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

/** A Debian package the tests drive as a program, checked by starting it. */
interface AptTool {
  /** How messages name it. */
  label: string;
  /** The variable that points at another binary instead. */
  envVar: string;
  defaultPath: string;
  aptPackage: string;
  /** Arguments that make it print its version and exit 0. */
  versionArgs: string[];
}

const APT_ENV = { DEBIAN_FRONTEND: 'noninteractive' };
// Waits for another apt run (a parallel install) instead of failing on its lock.
const APT_LOCK = ['-o', 'DPkg::Lock::Timeout=300'];

/**
 * A tool that starts (its version answers, so its shared libraries are all there);
 * when missing and running as root with apt-get, Debian's package is installed, like
 * Playwright's `install --with-deps`.
 */
const aptToolCheck =
  (tool: AptTool): Check =>
  async (deps) => {
    const { label, envVar, aptPackage } = tool;
    const path = deps.env[envVar] || tool.defaultPath;
    const problemAt = (): string | null => {
      if (!deps.which(path)) return 'not found';
      const result = deps.exec(path, tool.versionArgs);
      return result.status === 0 ? null : `does not start (${lastLine(result.output) || `exit ${result.status}`})`;
    };
    const problem = problemAt();
    if (!problem) return null;
    if (deps.env[envVar]) {
      return `${label} ${problem} at ${envVar}=${path}: point ${envVar} at a ${label} binary, or unset it to use Debian's (apt-get install ${aptPackage}).`;
    }
    if (!deps.isRoot || !deps.which('apt-get')) {
      return `${label} ${problem} at ${path}: install it with \`sudo apt-get install ${aptPackage}\`, or set ${envVar} to a ${label} binary.`;
    }
    deps.log(`${label} ${problem} at ${path}: installing Debian's ${aptPackage} with apt-get…`);
    for (const args of [
      [...APT_LOCK, 'update', '-qq'],
      [...APT_LOCK, 'install', '-y', '-qq', aptPackage],
    ]) {
      const result = deps.exec('apt-get', args, { ...deps.env, ...APT_ENV });
      if (result.status !== 0) {
        return `${label} ${problem} at ${path}, and \`apt-get ${args.slice(APT_LOCK.length).join(' ')}\` failed (${lastLine(result.output) || `exit ${result.status}`}): install it with \`apt-get install ${aptPackage}\`.`;
      }
    }
    const after = problemAt();
    return after ? `${label} ${after} at ${path} even after \`apt-get install ${aptPackage}\`.` : null;
  };

export const checkChromium: Check = aptToolCheck({
  label: 'Chromium',
  envVar: 'CHROMIUM_PATH',
  defaultPath: '/usr/bin/chromium',
  aptPackage: 'chromium',
  versionArgs: ['--version'],
});

/** The nginx the deployment test (`npm run test:deploy`) puts in front of two API replicas. */
export const nginxPath = (env: NodeJS.ProcessEnv = process.env): string => env.NGINX_PATH || '/usr/sbin/nginx';

export const checkNginx: Check = aptToolCheck({
  label: 'nginx',
  envVar: 'NGINX_PATH',
  defaultPath: '/usr/sbin/nginx',
  aptPackage: 'nginx',
  versionArgs: ['-v'],
});

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
  checks: Check[] = [checkPostgres, checkChromium, checkNginx],
): Promise<string | null> {
  for (const check of checks) {
    const failure = await check(deps);
    if (failure) return failure;
  }
  return null;
}
