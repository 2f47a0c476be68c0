import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { regionIdByCode, scalar } from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';
import { launchBrowser, loginThroughUi } from '../support/browser';
import { insertCase } from '../support/case-records';

/** Above this many rows an export runs as a job: low, so a handful of persons take that path. */
const THRESHOLD = 2;

/**
 * docs/exports.md in the admin: a list longer than EXPORT_JOB_THRESHOLD is exported in
 * the background, followed in a notification that offers the file when it is ready.
 */
describe('admin UI: a large export', () => {
  let api: RunningApi;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    api = await startApi({ SERVE_ADMIN: 'true', EXPORT_JOB_THRESHOLD: String(THRESHOLD) });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    context.setDefaultTimeout(30_000);
    page = await context.newPage();
    pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });
  afterEach(() => context?.close());

  it('runs in the background and offers the whole list for download when ready', async () => {
    const pavlodar = await regionIdByCode(api.databaseUrl, '55');
    for (let n = 0; n < 2; n++) {
      await insertCase(api.databaseUrl, {
        regionId: pavlodar,
        family: [
          { surname: 'Сейітов', givenName: `Нұрлан${n}` },
          { surname: 'Сейітова', givenName: `Айгүл${n}`, sex: 'F', relation: 'spouse' },
        ],
      });
    }
    const persons = await scalar<number>(api.databaseUrl, 'SELECT count(*)::int FROM person WHERE region_id = $1', [
      pavlodar,
    ]);
    await loginThroughUi(page, api.url, 'caseworker.pavlodar');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`${api.url}/persons`);
    await page.locator('tr', { hasText: 'Айгүл1' }).waitFor();
    await page.getByRole('button', { name: 'Экспорттау' }).click();
    // The notification stays until the file is ready, then offers it (Kazakh, the default UI language).
    const downloadButton = page.getByRole('button', { name: 'Жүктеу', exact: true });
    await downloadButton.waitFor();
    await page.getByText(`Экспорт дайын: ${persons} жол`).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), downloadButton.click()]);
    const lines = readFileSync(await download.path(), 'utf8')
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0].split(',')[0]).toBe('Аты-жөні');
    expect(lines).toHaveLength(1 + persons);
    expect(lines.some((line) => line.startsWith('Сейітова Айгүл1,'))).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
