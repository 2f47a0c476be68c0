import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { type RunningApi, startApi } from '../support/api-process';
import { login, type Session } from '../support/auth';
import { launchBrowser } from '../support/browser';
import { type Lang, russianOnlyWords } from '../walk/language';
import { prepareWalkData, WALK_API_ENV } from '../walk/walk-data';
import { type Finding, menuPaths, walk, type WalkJob } from '../walk/walker';

/**
 * The browser walk: every screen the menu offers (and the record page of each list's
 * first row), as each demo role, in each language, at a wide screen and a phone, on
 * the demo data (test/walk/walk-data.ts). Strict: any finding fails, listed role/lang/width/screen/what.
 * WALK_REPORT=1 writes them all to test-results/walk.json and passes, for local use.
 */
const ROLES = {
  admin: 'admin',
  auditor: 'auditor',
  caseworker: 'caseworker.pavlodar',
  regional_official: 'official.pavlodar',
  provider_staff: 'provider.pavlodar',
};
const LANGS: Lang[] = ['kk', 'ru', 'en'];
const WIDTHS = [1440, 390];
/** Pages walking at once; the machine's cores, not the matrix, set it. */
const PARALLEL_PAGES = Number(process.env.WALK_PAGES ?? 4);
const REPORT = process.env.WALK_REPORT === '1';

/**
 * The admin's messages in a language (apps/admin/src/i18n). Loaded by a computed path
 * so this project's type-check does not take in the admin's DOM-typed sources.
 */
const adminMessages = async (lang: Lang): Promise<unknown> =>
  ((await import(join(__dirname, '..', '..', 'apps', 'admin', 'src', 'i18n', lang))) as { default: unknown }).default;

/** Runs `work` over `items`, `limit` at a time. */
async function pool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

const line = (finding: Finding) =>
  `${finding.role}/${finding.lang}/${finding.width} ${finding.screen}: ${finding.what}`;

describe('browser walk: every screen, role, language and width', () => {
  let api: RunningApi;
  let browser: Browser;

  beforeAll(async () => {
    // One session per role serves all its pages: an access token outlives the walk, so none refreshes.
    api = await startApi({ SERVE_ADMIN: 'true', ACCESS_TOKEN_TTL_SECONDS: '3600', ...WALK_API_ENV });
    await prepareWalkData(api);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  it(
    'finds no console error, failed request, raw key, foreign word or sideways overflow',
    async () => {
      const started = Date.now();
      const jobs: WalkJob[] = [];
      for (const [role, username] of Object.entries(ROLES)) {
        const session: Session = await login(api.url, username);
        const paths = await menuPaths(browser, api.url, session);
        for (const lang of LANGS) for (const width of WIDTHS) jobs.push({ role, session, lang, width, paths });
      }
      const russianOnly = russianOnlyWords(await adminMessages('ru'), await adminMessages('kk'));
      const results = await pool(jobs, PARALLEL_PAGES, (job) => walk(browser, api.url, job, russianOnly));
      const findings = results.flatMap((result) => result.findings);
      const screens = results.reduce((sum, result) => sum + result.screens, 0);
      const summary =
        `${jobs.length} walks (${Object.keys(ROLES).length} roles × ${LANGS.length} languages × ${WIDTHS.length} widths), ` +
        `${screens} screens (menu screens and first-row record pages), ${Math.round((Date.now() - started) / 1000)} s, ` +
        `${findings.length} findings`;
      console.log(summary);
      if (REPORT) {
        const dir = join(__dirname, '..', '..', 'test-results');
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, 'walk.json'), JSON.stringify({ summary, findings }, null, 2));
        return;
      }
      expect([...new Set(findings.map(line))].join('\n')).toBe('');
    },
    15 * 60_000,
  );
});
