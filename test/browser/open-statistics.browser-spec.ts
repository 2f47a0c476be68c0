import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { scalar } from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';
import { launchBrowser, loginThroughUi } from '../support/browser';

const TITLES = {
  kk: { page: 'Ашық статистика', dataset: 'Қандас мәртебесі берілген адамдар, өңірлер мен жылдар бойынша' },
  ru: { page: 'Открытая статистика', dataset: 'Лица, получившие статус кандаса, по регионам и годам' },
  en: { page: 'Open statistics', dataset: 'Persons granted kandas status by region and year' },
};

/** Labels of apps/admin/src/i18n/statistics/kk.ts. */
const KK = {
  menu: 'Статистика шығарылымдары',
  publish: 'Шығарылымды жариялау',
  note: 'Ескертпе (шығарылымның себебі)',
};

describe('open statistics in the browser', () => {
  let api: RunningApi;
  let browser: Browser;

  beforeAll(async () => {
    // Demo families: the start publishes release 1 from them.
    api = await startApi({ SERVE_ADMIN: 'true', DEMO_FAMILIES: '200', DEMO_SEED: '5' });
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('reads /statistics in kk, ru and en with JavaScript off, and downloads a file whose SHA-256 the page prints', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, acceptDownloads: true, locale: 'kk-KZ' });
    const page = await context.newPage();
    await page.goto(`${api.url}/statistics`);
    expect(await page.locator('html').getAttribute('lang')).toBe('kk');
    for (const lang of ['kk', 'ru', 'en'] as const) {
      if (lang !== 'kk')
        await page.getByRole('link', { name: lang === 'ru' ? 'Русский' : 'English', exact: true }).click();
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      await page.getByRole('heading', { level: 1, name: TITLES[lang].page }).waitFor();
      await page.getByRole('heading', { level: 3, name: TITLES[lang].dataset }).waitFor();
      expect(await page.locator('table caption').first().innerText()).toContain(TITLES[lang].dataset);
    }
    expect(await page.locator('script').count()).toBe(0);

    const link = page.getByRole('link', { name: /status-granted\.csv/ });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('status-granted.csv');
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes.toString('utf8').slice(1).split('\r\n')[0]).toBe('year,region_code,persons,status');
    const hash = createHash('sha256').update(bytes).digest('hex');
    expect(await page.locator('body').innerText()).toContain(hash);
    await context.close();
  });

  it('an admin publishes a release from the screen and the public page shows it', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    context.setDefaultTimeout(30_000);
    const page = await context.newPage();
    await loginThroughUi(page, api.url, 'admin');
    await page.getByRole('menuitem', { name: KK.menu, exact: true }).click();
    await page.getByRole('cell', { name: '1', exact: true }).waitFor();

    await page.getByRole('button', { name: KK.publish, exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(KK.note).fill('Браузер сынағы');
    await dialog.getByRole('button', { name: KK.publish, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    // The job writes the release; the list shows it once refreshed.
    for (let i = 0; i < 60; i++) {
      if ((await scalar(api.databaseUrl, 'SELECT count(*)::int FROM statistics_release')) === 2) break;
      await page.waitForTimeout(500);
    }
    await page.reload();
    await page.getByRole('cell', { name: 'Браузер сынағы' }).waitFor();
    const sha = await scalar<string>(api.databaseUrl, 'SELECT sha256 FROM statistics_release WHERE number = 2');
    await page.getByText(sha).waitFor();

    const publicPage = await context.newPage();
    await publicPage.goto(`${api.url}/statistics?lang=en`);
    await publicPage.getByRole('heading', { level: 2, name: 'Release 2' }).waitFor();
    expect(await publicPage.locator('body').innerText()).toContain('Браузер сынағы');
    await context.close();
  });
});
