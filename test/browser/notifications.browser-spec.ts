import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import request from 'supertest';
import { bearer, regionIdByCode } from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';
import { login, type Session } from '../support/auth';
import { launchBrowser, loginThroughUi } from '../support/browser';
import { insertCase, type InsertedCase } from '../support/case-records';

/** Labels of apps/admin/src/i18n/notifications/kk.ts and messages/kk.ts. */
const KK = {
  assigned: (number: string) => `${number} ісі сізге тағайындалды`,
  markAllRead: 'Барлығын оқылды деп белгілеу',
  empty: 'Хабарлама жоқ',
  showAll: 'Барлық хабарламалар',
  unreadOnly: 'Тек оқылмағандар',
};

/**
 * The bell (docs/notifications.md): a caseworker sees the count of what was assigned to
 * them, opens the case from the bell, and the count drops; on a phone the bell and its
 * popover fit the screen.
 */
describe('admin UI: staff notifications', () => {
  let api: RunningApi;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let admin: Session;
  let caseworker: Session;
  let pavlodar: number;

  beforeAll(async () => {
    api = await startApi({ SERVE_ADMIN: 'true' });
    browser = await launchBrowser();
    pavlodar = await regionIdByCode(api.databaseUrl, '55');
    admin = await login(api.url, 'admin');
    caseworker = await login(api.url, 'caseworker.pavlodar');
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });
  afterEach(() => context?.close());

  const assignToCaseworker = async (): Promise<InsertedCase> => {
    const family = await insertCase(api.databaseUrl, { regionId: pavlodar });
    await request(api.url)
      .post('/api/applications/assign')
      .set(bearer(admin.accessToken))
      .send({ ids: [family.id], assignedToId: caseworker.user.id })
      .expect(200);
    return family;
  };
  const open = async (viewport: { width: number; height: number }) => {
    context = await browser.newContext({ viewport });
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
    await loginThroughUi(page, api.url, 'caseworker.pavlodar');
    await page.locator('.RaLayout-content').waitFor();
  };
  /** The badge once the counts have come: it shows `count`. */
  const badgeShows = (count: number) =>
    page
      .getByTestId('notification-count')
      .locator('.MuiBadge-badge:not(.MuiBadge-invisible)', { hasText: new RegExp(`^${count}$`) })
      .waitFor();

  it('shows the count, opens the case from the bell and the count drops', async () => {
    const family = await assignToCaseworker();
    await open({ width: 1400, height: 900 });
    await badgeShows(1);

    await page.getByTestId('notification-bell').click();
    await page.getByRole('button', { name: KK.assigned(family.number) }).click();
    await page.waitForURL((url) => url.pathname === `/applications/${family.id}/show`);
    await page.locator('.MuiBadge-invisible').waitFor({ state: 'attached' });
    const counts = await request(api.url).get('/api/notifications/counts').set(bearer(caseworker.accessToken));
    expect(counts.body.unread).toBe(0);
  });

  it('fits a phone: the bell in the app bar, its popover on the screen, mark all read, then the empty state', async () => {
    await request(api.url).post('/api/notifications/read-all').set(bearer(caseworker.accessToken)).expect(200);
    await assignToCaseworker();
    await assignToCaseworker();
    await open({ width: 390, height: 844 });
    await badgeShows(2);

    await page.getByTestId('notification-bell').click();
    const popover = page.locator('#qonys-notifications .MuiPopover-paper');
    await popover.waitFor();
    const box = (await popover.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    const overflow = await page.evaluate(() => {
      const view = globalThis as unknown as {
        innerWidth: number;
        document: { documentElement: { scrollWidth: number } };
      };
      return view.document.documentElement.scrollWidth - view.innerWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);

    await page.getByRole('button', { name: KK.markAllRead }).click();
    await page.locator('.MuiBadge-invisible').waitFor({ state: 'attached' });
    // The full list holds them, read now; none is left when it shows the unread ones only.
    await page.getByRole('link', { name: KK.showAll }).click();
    await page.waitForURL((url) => url.pathname === '/notifications');
    await page.locator('.RaList-main').getByRole('button', { name: /KND-/ }).nth(1).waitFor();
    await page.getByLabel(KK.unreadOnly).check();
    await page.getByText(KK.empty).waitFor();
  });
});
