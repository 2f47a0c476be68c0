import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nginxPath } from '../preflight/preflight';

const REPO_CONF = join(__dirname, '..', '..', 'deploy', 'nginx.conf');

/** A port nothing listens on now (the kernel's pick), for a process started after. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

/**
 * deploy/nginx.conf with only its addresses replaced: the compose service names
 * api-1:3000 and api-2:3000 by local ports, `listen 80` by a local port. Anything
 * else in the file is what production runs.
 */
export function renderServerConf(ports: { listen: number; api1: number; api2: number }): string {
  const conf = readFileSync(REPO_CONF, 'utf8');
  const replaced = conf
    .replace(/server api-1:3000 /, `server 127.0.0.1:${ports.api1} `)
    .replace(/server api-2:3000 /, `server 127.0.0.1:${ports.api2} `)
    .replace(/listen 80;/, `listen 127.0.0.1:${ports.listen};`);
  for (const needle of [`127.0.0.1:${ports.api1}`, `127.0.0.1:${ports.api2}`, `listen 127.0.0.1:${ports.listen}`]) {
    if (!replaced.includes(needle)) throw new Error(`deploy/nginx.conf changed shape: ${needle} not rendered`);
  }
  return replaced;
}

export interface AccessLogLine {
  /** The X-Test-Id the client sent, '-' without one. */
  testId: string;
  method: string;
  status: number;
  /** Every upstream nginx tried, in order ("127.0.0.1:4001, 127.0.0.1:4002" after a retry). */
  upstreams: string[];
}

export interface RunningNginx {
  url: string;
  /** The access log so far: which replica answered which request. */
  accessLog(): AccessLogLine[];
  errorLog(): string;
  stop(): Promise<void>;
}

/**
 * Debian's nginx in the foreground with the repository's server block, as the
 * nginx:alpine image includes it (http { include conf.d/default.conf; }). Runs
 * without root: pid, logs and temp files live under its own prefix folder.
 */
export async function startNginx(ports: { listen: number; api1: number; api2: number }): Promise<RunningNginx> {
  const prefix = mkdtempSync(join(tmpdir(), 'qonys-nginx-'));
  // A root master hands requests to `nobody` workers, which write the temp files.
  chmodSync(prefix, 0o755);
  const temp = join(prefix, 'temp');
  mkdirSync(temp, { mode: 0o777 });
  chmodSync(temp, 0o777);
  writeFileSync(join(prefix, 'default.conf'), renderServerConf(ports));
  writeFileSync(
    join(prefix, 'nginx.conf'),
    [
      'daemon off;',
      'worker_processes 1;',
      `pid ${prefix}/nginx.pid;`,
      `error_log ${prefix}/error.log warn;`,
      'events { worker_connections 512; }',
      'http {',
      '  include /etc/nginx/mime.types;',
      '  log_format test \'$http_x_test_id $request_method $status "$upstream_addr"\';',
      `  access_log ${prefix}/access.log test;`,
      `  client_body_temp_path ${temp}/body;`,
      `  proxy_temp_path ${temp}/proxy;`,
      `  fastcgi_temp_path ${temp}/fastcgi;`,
      `  uwsgi_temp_path ${temp}/uwsgi;`,
      `  scgi_temp_path ${temp}/scgi;`,
      `  include ${prefix}/default.conf;`,
      '}',
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(nginxPath(), ['-p', prefix, '-c', join(prefix, 'nginx.conf')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const read = (name: string) => {
    try {
      return readFileSync(join(prefix, name), 'utf8');
    } catch {
      return '';
    }
  };
  const url = `http://127.0.0.1:${ports.listen}`;
  const running = () => child.exitCode === null && child.signalCode === null;
  const stop = async () => {
    if (running()) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGQUIT');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
      if (running()) child.kill('SIGKILL');
    }
    rmSync(prefix, { recursive: true, force: true });
  };
  // Up when it answers on its port (any status: the replicas may not be up yet).
  for (let i = 0; ; i++) {
    if (!running()) throw new Error(`nginx exited: ${output}${read('error.log')}`);
    const up = await fetch(`${url}/api/health`).then(
      () => true,
      () => false,
    );
    if (up) break;
    if (i > 100) {
      await stop();
      throw new Error(`nginx did not answer in 10 s: ${output}${read('error.log')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    accessLog: () =>
      read('access.log')
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const match = /^(\S+) (\S+) (\d+) "(.*)"$/.exec(line);
          if (!match) throw new Error(`access log line: ${line}`);
          return {
            testId: match[1],
            method: match[2],
            status: Number(match[3]),
            upstreams: match[4].split(/\s*[,:]\s+/).filter((u) => u && u !== '-'),
          };
        }),
    errorLog: () => read('error.log'),
    stop,
  };
}
