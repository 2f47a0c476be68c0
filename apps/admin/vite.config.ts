import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const adminRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * Vendor code goes into a few long-lived chunks (cached across releases);
 * each screen is a React.lazy chunk of its own, so the entry stays small.
 */
/**
 * The charts (@mui/x-charts and what only it uses) serve the lazily loaded monitoring
 * panel and forecasts screen alone: their own chunk, kept out of the eager vendor chunks.
 */
const CHARTS = String.raw`@mui[\/]x-(charts|charts-vendor|internals|internal-gestures)[\/]|@base-ui[\/]|d3-[a-z-]+[\/]|internmap[\/]|flatqueue[\/]|bezier-easing[\/]|reselect[\/]|use-sync-external-store[\/]|@floating-ui[\/]utils[\/]`;

/**
 * The eager vendor groups take only modules of the entry's static graph (`$initial`):
 * what only lazy screens use stays in their chunks, off the login page (docs/deployment.md).
 */
const vendorGroups: { name: string; test: RegExp; priority: number; tags?: ['$initial'] }[] = [
  {
    name: 'vendor-react',
    test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|react-is)[\\/]/,
    priority: 40,
    tags: ['$initial'],
  },
  {
    name: 'vendor-mui',
    test: new RegExp(
      String.raw`node_modules[\/](?!${CHARTS})(@mui|@emotion|@popperjs|stylis|clsx|react-transition-group|@babel[\/]runtime)[\/]`,
    ),
    priority: 30,
    tags: ['$initial'],
  },
  {
    name: 'vendor-charts',
    test: new RegExp(String.raw`node_modules[\/](${CHARTS})`),
    priority: 20,
  },
  // ra-language-* only serve the lazily loaded ru/en messages, and the country and language
  // names (common/world) only the person screens: keep them out of the eager vendor chunk.
  {
    name: 'vendor-react-admin',
    test: new RegExp(String.raw`node_modules[\/](?!ra-language-|i18n-iso-countries[\/]|@cospired[\/]|${CHARTS})`),
    priority: 10,
    tags: ['$initial'],
  },
];

const COMPRESSIBLE = /\.(js|css|html|svg|json|txt|map)$/;

/**
 * Writes a .br (quality 11) and a .gz (level 9) beside each text file of the build, once,
 * at build time: the API serves them with @fastify/static's `preCompressed` and nginx
 * passes them through, so no request pays for compression (docs/deployment.md).
 */
const precompress = (): Plugin => ({
  name: 'qonys-precompress',
  apply: 'build',
  closeBundle() {
    const outDir = `${repoRoot}dist/admin`;
    for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !COMPRESSIBLE.test(entry.name) || entry.parentPath.includes('.vite')) continue;
      const path = join(entry.parentPath, entry.name);
      const content = readFileSync(path);
      writeFileSync(
        `${path}.br`,
        brotliCompressSync(content, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
        }),
      );
      writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
    }
  },
});

export default defineConfig({
  root: adminRoot,
  base: '/',
  plugins: [react(), precompress()],
  resolve: {
    alias: {
      '@qonys/domain': `${repoRoot}libs/domain/src/index.ts`,
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: true },
      // The public certificate check the Decision tab links to.
      '/verify': { target: 'http://localhost:3000', changeOrigin: true },
    },
  },
  preview: {
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: true },
      '/verify': { target: 'http://localhost:3000', changeOrigin: true },
    },
  },
  build: {
    outDir: `${repoRoot}dist/admin`,
    emptyOutDir: true,
    sourcemap: false,
    // .vite/manifest.json: the login page's eager chunks, which test/api/admin-assets.e2e-spec.ts weighs.
    manifest: true,
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: vendorGroups,
        },
      },
    },
  },
});
