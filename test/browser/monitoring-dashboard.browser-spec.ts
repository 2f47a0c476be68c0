import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { regionIdByCode, scalar } from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';
import { launchBrowser, loginThroughUi } from '../support/browser';

/** Labels of apps/admin/src/i18n/monitoring/kk.ts (Kazakh is the default language). */
const KK = {
  title: 'Мониторинг',
  monthHeader: ['Ай', 'Мәртебесі', 'Өтініштер'],
  region: 'Өңір',
  pavlodar: 'Павлодар облысы',
};

/** The monitoring charts of the dashboard for a national and a regional user (docs/monitoring.md). */
describe('admin UI: the monitoring dashboard', () => {
  let api: RunningApi;
  let browser: Browser;
  let pavlodar: number;

  beforeAll(async () => {
    api = await startApi({ SERVE_ADMIN: 'true', DEMO_FAMILIES: '300', DEMO_SEED: '7', DEMO_TODAY: '2026-11-20' });
    browser = await launchBrowser();
    pavlodar = await regionIdByCode(api.databaseUrl, '55');
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  const open = async (username: string, width = 1440): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
    context.setDefaultTimeout(30_000);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await loginThroughUi(page, api.url, username);
    await page.locator('[data-testid=monitoring-as-of]').waitFor();
    expect(errors).toEqual([]);
    return page;
  };

  it('shows a national user every chart, a table, a CSV, and opens the list a bar counts', async () => {
    const page = await open('admin');
    const figure = page.locator('[data-testid=figure-applications]');
    await figure.locator('svg .MuiBarChart-element:not([height="0"])').first().waitFor();
    for (const id of ['processing', 'overdue', 'quota', 'pyramid', 'education', 'origins', 'balance']) {
      await page.locator(`[data-testid=figure-${id}] svg`).first().waitFor();
    }
    expect(await page.getByLabel(KK.region).count()).toBe(1);

    await figure.locator('[data-testid=figure-applications-table-view]').click();
    const table = figure.locator('[data-testid=figure-applications-table]');
    await table.waitFor();
    const rows = await table.locator('tbody tr').count();
    expect(rows).toBeGreaterThan(0);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      figure.locator('[data-testid=figure-applications-csv]').click(),
    ]);
    const text = readFileSync(await download.path(), 'utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0].split(',')).toEqual(KK.monthHeader);
    expect(lines).toHaveLength(1 + rows);

    // Back to the chart: a bar opens the case list filtered by its status and month.
    await figure.locator('[data-testid=figure-applications-chart-view]').click();
    await figure.locator('svg .MuiBarChart-element:not([height="0"])').first().click();
    await page.waitForURL((url) => url.pathname === '/applications');
    const filter = JSON.parse(new URL(page.url()).searchParams.get('filter')!) as Record<string, string>;
    expect(Object.keys(filter).sort()).toEqual(['status', 'submittedFrom', 'submittedTo']);
    await page.locator('.RaList-main').waitFor();
  });

  it('keeps a caseworker to their region: no region filter, only their region’s bars, and the overdue list of it', async () => {
    const page = await open('caseworker.pavlodar');
    // The demo's Pavlodar cases may lie in other years: pick the year with most of them.
    const year = await scalar(
      api.databaseUrl,
      `SELECT extract(year FROM submitted_at AT TIME ZONE 'UTC' + interval '5 hours')::int FROM application
        WHERE region_id = $1 AND submitted_at IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 DESC LIMIT 1`,
      [pavlodar],
    );
    await page.locator('[data-testid=monitoring-year]').click();
    await page.getByRole('option', { name: String(year), exact: true }).click();
    await page
      .locator('[data-testid=figure-applications] svg .MuiBarChart-element:not([height="0"])')
      .first()
      .waitFor();
    expect(await page.getByLabel(KK.region, { exact: true }).count()).toBe(0);

    const overdue = page.locator('[data-testid=figure-overdue]');
    const overdueCount = await scalar(
      api.databaseUrl,
      `SELECT count(*)::int FROM application WHERE region_id = $1
          AND deadline_due < (now() AT TIME ZONE 'UTC' + interval '5 hours')::date`,
      [pavlodar],
    );
    if (overdueCount === 0) {
      await overdue.locator('[data-testid=figure-overdue-empty]').waitFor();
      return;
    }
    await overdue.locator('[data-testid=figure-overdue-table-view]').click();
    const cells = await overdue.locator('tbody tr td:first-child').allInnerTexts();
    expect(cells).toEqual([KK.pavlodar]);
    await overdue.getByRole('link').first().click();
    await page.waitForURL((url) => url.pathname === '/applications');
    expect(JSON.parse(new URL(page.url()).searchParams.get('filter')!)).toEqual({
      queue: 'overdue',
      regionId: pavlodar,
    });
  });

  it('fits a phone without sideways scrolling', async () => {
    const page = await open('admin', 390);
    await page.locator('[data-testid=figure-balance] svg').first().waitFor();
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
