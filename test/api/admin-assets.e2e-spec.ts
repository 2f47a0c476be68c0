import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type RunningApi, startApi } from '../support/api-process';

/** The admin build the API serves (`npm run build` first). */
const ADMIN_DIR = join(__dirname, '..', '..', 'dist', 'admin');
/** The login page's JavaScript before the form shows, as sent to a gzip client (docs/deployment.md). */
const LOGIN_JS_BUDGET_BYTES = 350_000;

interface ManifestChunk {
  file: string;
  imports?: string[];
}

/** The entry and every chunk it imports statically, recursively: what loads before the form. */
function eagerFiles(): string[] {
  const manifest = JSON.parse(readFileSync(join(ADMIN_DIR, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const seen = new Set<string>();
  const walk = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    manifest[key].imports?.forEach(walk);
  };
  walk('index.html');
  return [...seen].map((key) => manifest[key].file);
}

describe('the admin as the API serves it', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi({ SERVE_ADMIN: 'true' });
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('sends index.html compressed, revalidated on every load', async () => {
    for (const path of ['/', '/login', '/applications/3/show']) {
      const page = await fetch(`${api.url}${path}`, { headers: { 'accept-encoding': 'br, gzip' } });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-encoding')).toBe('br');
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(await page.text()).toContain('<div id="root">');
    }
  });

  it('sends every eager script brotli or gzip, as the client accepts, with a year of immutable caching', async () => {
    const files = eagerFiles();
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) {
      for (const encoding of ['br', 'gzip']) {
        const response = await fetch(`${api.url}/${file}`, { headers: { 'accept-encoding': encoding } });
        expect({ file, status: response.status, encoding: response.headers.get('content-encoding') }).toEqual({
          file,
          status: 200,
          encoding,
        });
        expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
        expect(response.headers.get('vary')).toMatch(/accept-encoding/i);
        expect(response.headers.get('content-type')).toMatch(/^application\/javascript|^text\/javascript/);
        await response.arrayBuffer();
      }
    }
    // A client that takes no compression still gets the file as it is.
    const plain = await fetch(`${api.url}/${files[0]}`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect((await plain.arrayBuffer()).byteLength).toBe(statSync(join(ADMIN_DIR, files[0])).size);
  });

  it('answers 404 for a build file that is not there, not the app shell', async () => {
    const response = await fetch(`${api.url}/assets/index-00000000.js`);
    expect(response.status).toBe(404);
    expect(response.headers.get('cache-control') ?? '').not.toContain('immutable');
  });

  it(`keeps the login page's eager JavaScript within ${LOGIN_JS_BUDGET_BYTES / 1000} kB gzip`, () => {
    const sizes = eagerFiles().map((file) => ({ file, bytes: statSync(join(ADMIN_DIR, `${file}.gz`)).size }));
    const total = sizes.reduce((sum, { bytes }) => sum + bytes, 0);
    if (total > LOGIN_JS_BUDGET_BYTES) {
      throw new Error(
        `login page JS ${total} bytes gzip > ${LOGIN_JS_BUDGET_BYTES}:\n` +
          sizes
            .sort((a, b) => b.bytes - a.bytes)
            .map(({ file, bytes }) => `  ${bytes}  ${file}`)
            .join('\n'),
      );
    }
    expect(total).toBeLessThanOrEqual(LOGIN_JS_BUDGET_BYTES);
  });
});
