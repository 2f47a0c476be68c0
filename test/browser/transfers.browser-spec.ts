import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { bearer, regionIdByCode, scalar } from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';
import { login } from '../support/auth';
import { launchBrowser, loginThroughUi } from '../support/browser';
import { insertApprovedCase } from '../support/case-records';

/** Labels of apps/admin/src/i18n/{quotas,transfers}/kk.ts. */
const KK = {
  move: 'Басқа өңірге көшіру',
  moveTo: 'Жаңа өңір',
  abai: 'Абай облысы',
  reasonCode: 'Отбасы неге көшуі керек',
  relatives: 'Өңірде туыстары бар',
  required: 'Міндетті өріс',
  transfersMenu: 'Ауыстыру сұраулары',
  incoming: 'Менің өңіріме',
  accept: 'Қабылдау',
  acceptedState: 'Қабылданды',
  pavlodar: 'Павлодар облысы',
  requested: 'Сұрау Абай облысы өңіріне жіберілді; оның лауазымды тұлғасы қабылдағанда отбасы ауысады',
};
const PHONE = { width: 390, height: 844 };
const MOVE_REASON = 'Семейдегі туыстары үй береді';

/**
 * A regional official asks another region to take a family (the move dialog), and
 * that region's official accepts on a phone: only then does the family move.
 */
describe('admin UI: a transfer request between regions', () => {
  let api: RunningApi;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pavlodar: number;
  let abai: number;
  let applicationId: number;
  let settlementId: number;

  const abaiReserved = () =>
    scalar<number>(
      api.databaseUrl,
      `SELECT reserved FROM quota WHERE year = 2026 AND category = 'kandas' AND region_id = $1`,
      [abai],
    );

  beforeAll(async () => {
    api = await startApi({ SERVE_ADMIN: 'true' });
    browser = await launchBrowser();
    pavlodar = await regionIdByCode(api.databaseUrl, '55');
    abai = await regionIdByCode(api.databaseUrl, '10');
    // An approved Pavlodar family of three who chose Pavlodar then Abai, included in Pavlodar's quota.
    const family = await insertApprovedCase(api.databaseUrl, {
      regionId: pavlodar,
      family: [0, 1, 2].map((n) => ({ surname: 'Ауысов', givenName: `Бала${n}` })),
    });
    applicationId = family.id;
    const caseworker = await login(api.url, 'caseworker.pavlodar');
    const official = await login(api.url, 'official.pavlodar');
    const call = async (token: string, path: string, body: object) => {
      const response = await fetch(`${api.url}/api${path}`, {
        method: 'POST',
        headers: { ...bearer(token), 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(response.status).toBeLessThan(300);
      return (await response.json()) as { id: number; version: number };
    };
    const request = await call(caseworker.accessToken, '/inclusion-requests', {
      applicationId,
      year: 2026,
      preferredRegionIds: [pavlodar, abai],
      consent: true,
    });
    await call(official.accessToken, `/inclusion-requests/${request.id}/decision`, {
      decision: 'include',
      version: request.version,
    });
    settlementId = await scalar(api.databaseUrl, 'SELECT id FROM settlement WHERE application_id = $1', [
      applicationId,
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });
  afterEach(() => context?.close());

  const open = async (viewport: { width: number; height: number }, username: string) => {
    context = await browser.newContext({ viewport });
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
    await loginThroughUi(page, api.url, username);
    await page.locator('.RaLayout-content').waitFor();
  };

  it("lets Pavlodar's official ask Abai, and Abai's official accept it on a phone", async () => {
    const reservedBefore = await abaiReserved();

    // Pavlodar asks: the dialog wants a reason code; the family stays in Pavlodar.
    await open({ width: 1400, height: 900 }, 'official.pavlodar');
    await page.goto(`${api.url}/settlements`);
    const row = page
      .locator('tr')
      .filter({ has: page.getByTestId('case-family') })
      .first();
    await row.getByRole('button', { name: KK.move, exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: KK.moveTo }).click();
    await page.getByRole('option', { name: `10 · ${KK.abai}`, exact: true }).click();
    await dialog.locator('textarea[name=reason]').fill(MOVE_REASON);
    await dialog.getByRole('button', { name: KK.move, exact: true }).click();
    await dialog.locator('.MuiFormHelperText-root.Mui-error').filter({ hasText: KK.required }).waitFor();
    expect(await scalar(api.databaseUrl, 'SELECT count(*)::int FROM transfer_request')).toBe(0);
    await dialog.getByRole('combobox', { name: KK.reasonCode }).click();
    await page.getByRole('option', { name: KK.relatives, exact: true }).click();
    await dialog.getByRole('button', { name: KK.move, exact: true }).click();
    await page.getByText(KK.requested).waitFor();
    await dialog.waitFor({ state: 'detached' });
    expect(
      await scalar(api.databaseUrl, 'SELECT region_id FROM settlement WHERE id = $1 AND status = $2', [
        settlementId,
        'planned',
      ]),
    ).toBe(pavlodar);
    expect(await abaiReserved()).toBe(reservedBefore);
    await context.close();

    // Abai's official, on a phone, finds it among the requests to their region and accepts.
    await open(PHONE, 'official.abai');
    await page.goto(`${api.url}/transfer-requests`);
    await page.getByRole('tab', { name: KK.incoming, exact: true, selected: true }).waitFor();
    const item = page.locator('.RaLayout-content li').filter({ hasText: 'Ауысов Бала0' });
    // The compact row fits the phone: nothing reaches past its right edge.
    await item.waitFor();
    expect(await page.locator('.RaLayout-content table').count()).toBe(0);
    const overflow = await page.evaluate(() => {
      const view = globalThis as unknown as {
        innerWidth: number;
        document: { documentElement: { scrollWidth: number } };
      };
      return view.document.documentElement.scrollWidth - view.innerWidth;
    });
    expect(overflow).toBe(0);
    await item.getByRole('button', { name: KK.accept, exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: KK.accept, exact: true }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    // Now the family moved: Abai's quota holds its three places, the request reads accepted.
    expect(await abaiReserved()).toBe(reservedBefore + 3);
    expect(
      await scalar(
        api.databaseUrl,
        `SELECT region_id FROM settlement WHERE application_id = $1 AND status = 'planned'`,
        [applicationId],
      ),
    ).toBe(abai);
    expect(
      await scalar(api.databaseUrl, 'SELECT state FROM transfer_request WHERE application_id = $1', [applicationId]),
    ).toBe('accepted');
    await context.close();

    // The case page shows the request, accepted, and the timeline says so in Kazakh.
    await open({ width: 1400, height: 900 }, 'caseworker.pavlodar');
    await page.goto(`${api.url}/applications/${applicationId}/show/decision`);
    const onCase = page.getByTestId('case-transfers');
    await onCase.getByText(KK.acceptedState, { exact: true }).waitFor();
    expect(await onCase.innerText()).toContain(`${KK.pavlodar} → ${KK.abai}`);
    await page.goto(`${api.url}/applications/${applicationId}/show/timeline`);
    await page.getByText(`Басқа өңірге ауыстыру қабылданды: ${KK.pavlodar} → ${KK.abai}`).waitFor();
  });
});
