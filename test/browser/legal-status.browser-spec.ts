import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { regionIdByCode, scalar } from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';
import { launchBrowser, loginThroughUi } from '../support/browser';
import { insertApprovedCase } from '../support/case-records';

/** Labels of apps/admin/src/i18n/legal-status/kk.ts. */
const KK = {
  empty: 'Тұруға ықтиярхат немесе азаматтық алуға өтініш әлі жоқ.',
  add: 'Өтінішті жазу',
  kind: 'Қадам',
  citizenship: 'Азаматтық',
  authority: 'Орган',
  applied: 'Өтініш берілді',
  decide: 'Шешімді жазу',
  granted: 'Берілді',
  ended: 'Барлық мүше — азамат: қандас мәртебесі тоқтатылды.',
};

/**
 * Residence and citizenship through the admin (docs/legal-status.md): a caseworker
 * records a member's citizenship application and its grant on the case's tab, and the
 * status of a family whose members are all citizens ends there and then.
 */
describe('admin UI: citizenship ends the kandas status', () => {
  let api: RunningApi;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let applicationId: number;

  beforeAll(async () => {
    api = await startApi({ SERVE_ADMIN: 'true' });
    browser = await launchBrowser();
    const family = await insertApprovedCase(api.databaseUrl, {
      regionId: await regionIdByCode(api.databaseUrl, '55'),
      family: [{ surname: 'Азаматов', givenName: 'Бауыржан', birthDate: '1980-03-08', sex: 'M' }],
    });
    applicationId = family.id;
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await api?.stop();
  });

  it('records the application and the grant, and closes the case', async () => {
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
    await loginThroughUi(page, api.url, 'caseworker.pavlodar');
    await page.goto(`${api.url}/applications/${applicationId}/show/residence`);
    const tab = page.getByTestId('case-legal-status');
    await tab.getByText(KK.empty, { exact: true }).waitFor();

    await tab.getByRole('button', { name: KK.add, exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: KK.kind }).click();
    await page.getByRole('option', { name: KK.citizenship, exact: true }).click();
    // The authority is required: the dialog stays, its field marked.
    await dialog.getByRole('button', { name: KK.add, exact: true }).click();
    await dialog.locator('input[name="authority"][aria-invalid="true"]').waitFor();
    await dialog.getByLabel(KK.authority).fill('Павлодар облысы ПД көші-қон қызметі');
    await dialog.getByRole('button', { name: KK.add, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = tab.locator('tr').filter({ hasText: 'Азаматов Бауыржан' });
    await row.getByText(KK.applied, { exact: true }).waitFor();

    await row.getByRole('button', { name: KK.decide, exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: KK.decide, exact: true }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await tab.getByText(KK.ended, { exact: true }).waitFor();
    await row.getByText(KK.granted, { exact: true }).waitFor();
    expect(await scalar(api.databaseUrl, 'SELECT status FROM application WHERE id = $1', [applicationId])).toBe(
      'naturalised',
    );
    // A closed case takes no new application.
    expect(await tab.getByRole('button', { name: KK.add, exact: true }).count()).toBe(0);
  });
});
