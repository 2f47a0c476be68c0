import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import request from 'supertest';
import { todayInKazakhstan } from '@qonys/domain';
import { bearer, regionIdByCode, withDb } from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';
import { login } from '../support/auth';
import { launchBrowser, loginThroughUi } from '../support/browser';

/** Labels of apps/admin/src/i18n/monitoring/kk.ts. */
const KK = { menu: 'Келушілер болжамы', heading: 'Айына келушілер, адам' };
const YEAR = Number(todayInKazakhstan().slice(0, 4));
const LAST_MONTH = Number(todayInKazakhstan().slice(5, 7)) - 1;

/** Pavlodar's published monthly arrivals for the five years before this month, around 40 a month. */
function historyCsv(): string {
  const lines = ['year,month,region_code,persons,source'];
  for (let year = YEAR - 5; year <= YEAR; year++)
    for (let month = 1; month <= 12 && (year < YEAR || month <= LAST_MONTH); month++)
      lines.push(
        `${year},${month},55,${Math.round(40 + 15 * Math.sin((2 * Math.PI * month) / 12) + ((year * month) % 5))},Akimat`,
      );
  return lines.join('\n');
}

describe('admin UI: arrival forecasts', () => {
  let api: RunningApi;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    api = await startApi({ SERVE_ADMIN: 'true' });
    browser = await launchBrowser();
    const admin = await login(api.url, 'admin');
    await request(api.url)
      .post('/api/monitoring/arrivals-history/import')
      .set(bearer(admin.accessToken))
      .attach('file', Buffer.from(historyCsv()), 'pavlodar.csv')
      .expect(200);
    // No free place left in Pavlodar's quota this year: any expected arrival exceeds it.
    const pavlodar = await regionIdByCode(api.databaseUrl, '55');
    await withDb(api.databaseUrl, async (db) => {
      const updated = await db.query(
        `UPDATE quota SET capacity = reserved + settled WHERE year = $1 AND region_id = $2 AND unit = 'persons'`,
        [YEAR, pavlodar],
      );
      if (updated.rowCount === 0)
        await db.query(
          `INSERT INTO quota (year, region_id, category, unit, capacity, legal_act) VALUES ($1, $2, 'kandas', 'persons', 0, 'Test act')`,
          [YEAR, pavlodar],
        );
    });
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });
  afterEach(() => context?.close());

  const open = async (width: number) => {
    context = await browser.newContext({ viewport: { width, height: 900 } });
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
    await loginThroughUi(page, api.url, 'official.pavlodar');
    // On a phone the menu is a drawer: go to the screen by its address.
    if (width < 600) await page.goto(`${api.url}/forecasts`);
    else await page.getByRole('menuitem', { name: KK.menu, exact: true }).click();
    await page.getByRole('heading', { name: KK.heading }).waitFor();
  };

  it('draws history, forecast and bands, and warns that the expected arrivals exceed the free quota', async () => {
    await open(1400);
    await page.locator('[data-testid=forecast-chart] svg').first().waitFor();
    // The observed line, the forecast, the baseline and the two bands' areas.
    expect(await page.locator('[data-testid=forecast-chart] svg path').count()).toBeGreaterThan(4);
    await page.locator('[data-testid=forecast-warning]').first().waitFor();
    expect(await page.locator('[data-testid=forecast-warning]').first().innerText()).toMatch(/бос квотадан/);
    expect(await page.locator('[data-testid=forecast-points] tbody tr').count()).toBe(12);
    expect(await page.locator('[data-testid=backtest-table] tbody tr').count()).toBe(3);
  });

  it('fits a 390 px phone without sideways scrolling', async () => {
    await open(390);
    await page.locator('[data-testid=forecast-chart] svg').first().waitFor();
    const overflow = await page.evaluate(() => {
      const view = globalThis as unknown as {
        innerWidth: number;
        document: { documentElement: { scrollWidth: number } };
      };
      return view.document.documentElement.scrollWidth - view.innerWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
