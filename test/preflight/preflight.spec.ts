import { checkChromium, checkNginx, checkPostgres, preflight, type ExecResult, type PreflightDeps } from './preflight';

/**
 * A machine in memory: which executables exist, what apt-get does when called. Every
 * exec is recorded, so the test sees that apt-get ran (or did not) and with what.
 */
function machine(options: {
  executables?: string[];
  isRoot?: boolean;
  env?: NodeJS.ProcessEnv;
  /** What `apt-get install` answers; absent: apt-get succeeds and installs the package asked for. */
  aptInstall?: ExecResult;
  chromiumVersion?: ExecResult;
  postgres?: Error;
}) {
  const executables = new Set(options.executables ?? []);
  const calls: string[] = [];
  const logs: string[] = [];
  const deps: PreflightDeps = {
    env: options.env ?? {},
    which: (command) => (executables.has(command) ? command : null),
    exec: (command, args, env) => {
      calls.push([command, ...args].join(' ') + (env?.DEBIAN_FRONTEND ? ` [${env.DEBIAN_FRONTEND}]` : ''));
      if (command === 'apt-get' && args.includes('install')) {
        const result = options.aptInstall ?? { status: 0, output: '' };
        if (result.status === 0) executables.add(args.includes('nginx') ? '/usr/sbin/nginx' : '/usr/bin/chromium');
        return result;
      }
      if (command === 'apt-get') return { status: 0, output: '' };
      return options.chromiumVersion ?? { status: 0, output: 'Chromium 156.0' };
    },
    isRoot: options.isRoot ?? false,
    queryPostgres: async () => {
      if (options.postgres) throw options.postgres;
    },
    log: (line) => logs.push(line),
  };
  return { deps, calls, logs };
}

describe('checkChromium', () => {
  it('passes when Debian’s Chromium is there and starts, installing nothing', async () => {
    const { deps, calls } = machine({ executables: ['/usr/bin/chromium', 'apt-get'], isRoot: true });
    expect(await checkChromium(deps)).toBeNull();
    expect(calls).toEqual(['/usr/bin/chromium --version']);
  });

  it('installs Debian’s chromium with apt-get when root and it is missing, then passes', async () => {
    const { deps, calls, logs } = machine({ executables: ['apt-get'], isRoot: true });
    expect(await checkChromium(deps)).toBeNull();
    expect(calls).toEqual([
      'apt-get -o DPkg::Lock::Timeout=300 update -qq [noninteractive]',
      'apt-get -o DPkg::Lock::Timeout=300 install -y -qq chromium [noninteractive]',
      '/usr/bin/chromium --version',
    ]);
    expect(logs).toEqual(["Chromium not found at /usr/bin/chromium: installing Debian's chromium with apt-get…"]);
  });

  it('names the command to run when not root, without trying apt-get', async () => {
    const { deps, calls } = machine({ executables: ['apt-get'], isRoot: false });
    expect(await checkChromium(deps)).toBe(
      'Chromium not found at /usr/bin/chromium: install it with `sudo apt-get install chromium`, or set CHROMIUM_PATH to a Chromium binary.',
    );
    expect(calls).toEqual([]);
  });

  it('names the command to run when root on a machine without apt-get', async () => {
    const { deps, calls } = machine({ isRoot: true });
    expect(await checkChromium(deps)).toMatch(/^Chromium not found at \/usr\/bin\/chromium: install it with/);
    expect(calls).toEqual([]);
  });

  it('stops with apt-get’s own last line when the install fails', async () => {
    const { deps } = machine({
      executables: ['apt-get'],
      isRoot: true,
      aptInstall: { status: 100, output: 'Reading package lists...\nE: Unable to locate package chromium\n' },
    });
    expect(await checkChromium(deps)).toBe(
      'Chromium not found at /usr/bin/chromium, and `apt-get install -y -qq chromium` failed (E: Unable to locate package chromium): install it with `apt-get install chromium`.',
    );
  });

  it('reports a Chromium that is there but does not start, with its error', async () => {
    const { deps } = machine({
      executables: ['/usr/bin/chromium'],
      chromiumVersion: { status: 127, output: 'error while loading shared libraries: libnss3.so' },
    });
    expect(await checkChromium(deps)).toBe(
      'Chromium does not start (error while loading shared libraries: libnss3.so) at /usr/bin/chromium: install it with `sudo apt-get install chromium`, or set CHROMIUM_PATH to a Chromium binary.',
    );
  });

  it('checks CHROMIUM_PATH instead when set, and never installs over it', async () => {
    const present = machine({ executables: ['/opt/chrome/chrome'], env: { CHROMIUM_PATH: '/opt/chrome/chrome' } });
    expect(await checkChromium(present.deps)).toBeNull();
    const missing = machine({ executables: ['apt-get'], isRoot: true, env: { CHROMIUM_PATH: '/opt/chrome/chrome' } });
    expect(await checkChromium(missing.deps)).toMatch(/^Chromium not found at CHROMIUM_PATH=\/opt\/chrome\/chrome: /);
    expect(missing.calls).toEqual([]);
  });
});

describe('checkNginx', () => {
  it('passes when Debian’s nginx is there and answers -v', async () => {
    const { deps, calls } = machine({ executables: ['/usr/sbin/nginx', 'apt-get'], isRoot: true });
    expect(await checkNginx(deps)).toBeNull();
    expect(calls).toEqual(['/usr/sbin/nginx -v']);
  });

  it('installs Debian’s nginx with apt-get when root and it is missing, then passes', async () => {
    const { deps, calls } = machine({ executables: ['apt-get'], isRoot: true });
    expect(await checkNginx(deps)).toBeNull();
    expect(calls).toEqual([
      'apt-get -o DPkg::Lock::Timeout=300 update -qq [noninteractive]',
      'apt-get -o DPkg::Lock::Timeout=300 install -y -qq nginx [noninteractive]',
      '/usr/sbin/nginx -v',
    ]);
  });

  it('names the command to run when not root', async () => {
    const { deps, calls } = machine({ executables: ['apt-get'] });
    expect(await checkNginx(deps)).toBe(
      'nginx not found at /usr/sbin/nginx: install it with `sudo apt-get install nginx`, or set NGINX_PATH to a nginx binary.',
    );
    expect(calls).toEqual([]);
  });
});

describe('checkPostgres', () => {
  it('passes when the server answers', async () => {
    expect(await checkPostgres(machine({}).deps)).toBeNull();
  });

  it('names the server (without its password), the error code and how to start it', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const { deps } = machine({
      postgres: refused,
      env: { TEST_DATABASE_URL: 'postgres://qonys:hunter2@db:5432/postgres' },
    });
    const failure = await checkPostgres(deps);
    expect(failure).toMatch(
      /^PostgreSQL is not reachable at postgres:\/\/qonys:\*\*\*@db:5432\/postgres \(ECONNREFUSED\): start it/,
    );
    expect(failure).not.toContain('hunter2');
    expect(failure).not.toContain('\n');
  });
});

describe('preflight', () => {
  it('stops at the first missing piece: PostgreSQL before Chromium is even looked at', async () => {
    const { deps, calls } = machine({ executables: ['apt-get'], isRoot: true, postgres: new Error('timeout expired') });
    expect(await preflight(deps)).toMatch(/^PostgreSQL is not reachable .* \(timeout expired\)/);
    expect(calls).toEqual([]);
  });
});
