import { todayInKazakhstan, yearOf } from '@qonys/domain';
import type { Browser, Page } from 'playwright-core';
import { scalar } from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';
import { launchBrowser, loginThroughUi } from '../support/browser';
import { insertWaitingFamilies } from '../support/placement-records';

/** Labels of apps/admin/src/i18n/jobs/kk.ts and the Kazakh server messages. */
const KK = {
  menu: 'Тапсырмалар',
  placementBatch: 'Орналастыру топтамасы',
  onDemand: 'Тек сұраныс бойынша',
  runNow: 'Қазір іске қосу',
  completed: 'Аяқталды',
  failed: 'Сәтсіз',
  lastCompleted: 'Соңғы іске қосу: Аяқталды',
  batchRunning: (batch: number) => `Осы жылға арналған № ${batch} есептеу әлі жүріп жатыр; оның аяқталуын күтіңіз`,
};
/** "Run now" of placement-batch places this year's families (docs/jobs.md). */
const YEAR = yearOf(todayInKazakhstan());

describe('admin UI: the Jobs screen', () => {
  let api: RunningApi;
  let browser: Browser;

  beforeAll(async () => {
    api = await startApi({ SERVE_ADMIN: 'true' });
    browser = await launchBrowser();
    // Enough families for the run to take seconds: long enough to watch it run.
    await insertWaitingFamilies(api.databaseUrl, YEAR, 4000, 300);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  const openJobs = async (width: number): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    context.setDefaultTimeout(30_000);
    const page = await context.newPage();
    await loginThroughUi(page, api.url, 'admin');
    await page.locator('.RaLayout-content').waitFor();
    // A phone folds the menu away: there the screen is opened by its address.
    if (width >= 1000) await page.getByRole('menuitem', { name: KK.menu, exact: true }).click();
    else await page.goto(`${api.url}/jobs`);
    await page.locator('[data-job="placement-batch"]').waitFor();
    return page;
  };

  it('runs a job now in Kazakh: its progress while it runs, then completed', async () => {
    const page = await openJobs(1440);
    const job = page.locator('[data-job="placement-batch"]');
    expect(await job.innerText()).toContain(KK.placementBatch);
    expect(await job.innerText()).toContain(KK.onDemand);

    await job.getByRole('button', { name: KK.runNow, exact: true }).click();
    const run = page.locator('[data-run]').first();
    // The phase and its bar while the worker solves, polled from the run table.
    await run.locator('[data-field=progress] [role=progressbar]').waitFor();
    await run.locator('[data-field=state]', { hasText: KK.completed }).waitFor({ timeout: 90_000 });
    await job.locator('[data-field=lastRun]', { hasText: KK.lastCompleted }).waitFor();
    await page.context().close();
  });

  it("shows a failed run's error in Kazakh, and fits a 390 px phone", async () => {
    // A batch still running for the year: the run refuses to open a second one.
    const blocking = await scalar(
      api.databaseUrl,
      `INSERT INTO placement_batch (year, category, status) VALUES ($1, 'kandas', 'running') RETURNING id`,
      [YEAR],
    );
    const page = await openJobs(390);
    await page.locator('[data-job="placement-batch"]').getByRole('button', { name: KK.runNow, exact: true }).click();
    const run = page.locator('[data-run]').first();
    await run.locator('[data-field=state]', { hasText: KK.failed }).waitFor({ timeout: 60_000 });
    expect(await run.locator('[data-field=error]').innerText()).toBe(KK.batchRunning(blocking));
    const overflow = await page.evaluate(() => {
      const view = globalThis as unknown as {
        innerWidth: number;
        document: { documentElement: { scrollWidth: number } };
      };
      return view.document.documentElement.scrollWidth - view.innerWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    await page.context().close();
  });
});
