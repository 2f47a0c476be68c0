import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
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

const vendorGroups: { name: string; test: RegExp; priority: number }[] = [
  {
    name: 'vendor-react',
    test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|react-is)[\\/]/,
    priority: 40,
  },
  {
    name: 'vendor-mui',
    test: new RegExp(
      String.raw`node_modules[\/](?!${CHARTS})(@mui|@emotion|@popperjs|stylis|clsx|react-transition-group|@babel[\/]runtime)[\/]`,
    ),
    priority: 30,
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
  },
];

export default defineConfig({
  root: adminRoot,
  base: '/',
  plugins: [react()],
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
