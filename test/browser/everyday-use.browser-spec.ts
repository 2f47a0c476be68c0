import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { TINY_PDF } from '../fixtures/tiny-files';
import { bearer, createUser, regionIdByCode, scalar, withDb } from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';
import { login } from '../support/auth';
import { type InsertedCase, insertCase } from '../support/case-records';
import { launchBrowser, loginThroughUi } from '../support/browser';

/** Kazakh texts (the default UI language) of apps/admin/src/i18n. */
const KK = {
  exportHeader: ['Іс нөмірі', 'Өтініш беруші', 'Күйі', 'Өңір', 'Маман', 'Мерзім', 'Адам саны', 'Құрылған'],
  underReview: 'Қаралуда',
  pavlodar: 'Павлодар облысы',
  mongolia: 'Моңғолия',
  discardTitle: 'Сақтамай жабу керек пе?',
  keepEditing: 'Толтыруды жалғастыру',
  discard: 'Сақтамай жабу',
  reverifyTitle: 'Қабылданбаған құжатты растау керек пе?',
  verify: 'Растау',
  cancel: 'Болдырмау',
  disableTitle: (name: string) => `«${name}» есептік жазбасын өшіру керек пе?`,
  disable: 'Өшіру',
  save: 'Сақтау',
  labourImport: 'CSV/XLSX импорттау',
};
const REJECTION = 'Мөрі көрінбейді';

/**
 * What a new user tripped over in everyday use (issue 7): a case page opened from the
 * list, exports, country names and search in Kazakh, and the questions asked before
 * typed data is lost or a decision overturned. Each test fails on the old behaviour.
 */
describe('admin UI: everyday use', () => {
  let api: RunningApi;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];
  let pavlodar: number;

  beforeAll(async () => {
    api = await startApi({ SERVE_ADMIN: 'true' });
    browser = await launchBrowser();
    pavlodar = await regionIdByCode(api.databaseUrl, '55');
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
    pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });
  afterEach(() => context?.close());

  /** Logs in through the form and waits until the app has left the login page. */
  const signIn = async (username: string) => {
    await loginThroughUi(page, api.url, username);
  };

  const family = [
    { surname: 'Сейітов', givenName: 'Нұрлан' },
    { surname: 'Сейітова', givenName: 'Айгүл', sex: 'F' as const, relation: 'spouse' as const },
  ];

  it('opens a case clicked in the list with its family, not the list row', async () => {
    const inserted = await insertCase(api.databaseUrl, { regionId: pavlodar, status: 'under_review', family });
    await signIn('caseworker.pavlodar');
    await page.goto(`${api.url}/applications`);
    await page.locator('tr', { hasText: inserted.number }).click();
    await page.waitForURL(`**/applications/${inserted.id}/show`);
    await page.getByTestId('family-tab').waitFor();
    expect(await page.getByTestId('family-member').count()).toBe(family.length);
    expect(pageErrors).toEqual([]);
  });

  it("exports the applications list on the server: every row, the list's columns, headed and valued in Kazakh", async () => {
    const cases: InsertedCase[] = [];
    for (let n = 0; n < 3; n++) {
      cases.push(await insertCase(api.databaseUrl, { regionId: pavlodar, status: 'under_review', family }));
    }
    const inList = await scalar<number>(api.databaseUrl, 'SELECT count(*)::int FROM application WHERE region_id = $1', [
      pavlodar,
    ]);
    await signIn('caseworker.pavlodar');
    await page.goto(`${api.url}/applications`);
    await page.locator('tr', { hasText: cases[0].number }).waitFor();
    const exportsBefore = await scalar<number>(
      api.databaseUrl,
      `SELECT count(*)::int FROM audit_event WHERE action = 'list.export'`,
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Экспорттау' }).click(),
    ]);
    const lines = readFileSync(await download.path(), 'utf8')
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0].split(',')).toEqual(KK.exportHeader);
    expect(lines).toHaveLength(1 + inList);
    const row = lines.find((line) => line.startsWith(cases[0].number))!;
    expect(row.split(',').slice(1, 4)).toEqual(['Сейітов Нұрлан', KK.underReview, KK.pavlodar]);
    // Written by the server's export (docs/exports.md), which audits what it read.
    expect(
      await scalar<number>(api.databaseUrl, `SELECT count(*)::int FROM audit_event WHERE action = 'list.export'`),
    ).toBe(exportsBefore + 1);
    expect(pageErrors).toEqual([]);
  });

  it('finds a country typed in Kazakh, Russian or English, offers no withdrawn code, and names it in Kazakh', async () => {
    await signIn('caseworker.pavlodar');
    await page.goto(`${api.url}/persons/create`);
    const country = page.locator('input[name=countryOfOrigin]');
    for (const typed of ['Монг', 'Mong']) {
      await country.fill(typed);
      await page.getByRole('option', { name: KK.mongolia, exact: true }).waitFor();
    }
    // Yugoslavia (YU) and Zaire (ZR) are no longer countries: nothing to pick.
    for (const typed of ['Югослав', 'Zaire']) {
      await country.fill(typed);
      await page.locator('.MuiAutocomplete-noOptions').waitFor();
      expect(await page.getByRole('option').count()).toBe(0);
    }
    await country.fill('Моңғ');
    await page.getByRole('option', { name: KK.mongolia, exact: true }).click();
    await page.locator('input[name=surname]').fill('Батболд');
    await page.locator('input[name=givenName]').fill('Ерлан');
    await page.locator('input[name=birthDate]').fill('1990-05-01');
    await page.locator('.MuiInputBase-root:has(input[name="sex"]) [role=combobox]').click();
    await page.locator('li[role=option][data-value="M"]').click();
    await page.getByRole('button', { name: KK.save }).click();
    await page.waitForURL(/\/persons\/\d+\/show$/);
    const id = Number(/\/persons\/(\d+)\/show$/.exec(page.url())![1]);
    expect(await scalar(api.databaseUrl, 'SELECT country_of_origin FROM person WHERE id = $1', [id])).toBe('MN');
    await page.getByText(KK.mongolia, { exact: true }).waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('keeps a half-filled new person on a click beside the dialog, and asks before Escape throws it away', async () => {
    await signIn('caseworker.pavlodar');
    await page.goto(`${api.url}/applications/create`);
    await page.getByTestId('register-new-person').first().click();
    const surname = page.locator('input[name=surname]');
    await surname.fill('Жұмабаев');

    await page.mouse.click(5, 5);
    await page.waitForTimeout(300);
    expect(await surname.inputValue()).toBe('Жұмабаев');
    await page.keyboard.press('Escape');
    const question = page.getByRole('dialog', { name: KK.discardTitle });
    await question.waitFor();
    await question.getByRole('button', { name: KK.keepEditing }).click();
    await question.waitFor({ state: 'detached' });
    expect(await surname.inputValue()).toBe('Жұмабаев');

    await page.keyboard.press('Escape');
    await question.getByRole('button', { name: KK.discard }).click();
    await surname.waitFor({ state: 'detached' });
    expect(pageErrors).toEqual([]);
  });

  it('asks before a rejected document is verified after all, showing why it was rejected', async () => {
    const inserted = await insertCase(api.databaseUrl, { regionId: pavlodar, status: 'under_review', family });
    const token = (await login(api.url, 'caseworker.pavlodar')).accessToken;
    const formType = await scalar<number>(
      api.databaseUrl,
      "SELECT id FROM document_type WHERE key = 'application_form'",
    );
    const { body: document } = await request(api.url)
      .post('/api/documents')
      .set(bearer(token))
      .field('applicationId', String(inserted.id))
      .field('documentTypeId', String(formType))
      .attach('file', TINY_PDF, { filename: 'otinish.pdf', contentType: 'application/pdf' })
      .expect(201);
    await request(api.url)
      .post(`/api/documents/${document.id}/review`)
      .set(bearer(token))
      .send({ status: 'rejected', reason: REJECTION, version: document.version })
      .expect(200);
    const status = () => scalar<string>(api.databaseUrl, 'SELECT status FROM document WHERE id = $1', [document.id]);

    await signIn('caseworker.pavlodar');
    await page.goto(`${api.url}/applications/${inserted.id}/show/documents`);
    const file = page.locator(`[data-testid=document-file][data-document-id="${document.id}"]`);
    await file.getByTestId('verify-document').click();
    const question = page.getByRole('dialog', { name: KK.reverifyTitle });
    expect(await question.innerText()).toContain(REJECTION);
    await question.getByRole('button', { name: KK.cancel }).click();
    await question.waitFor({ state: 'detached' });
    expect(await status()).toBe('rejected');

    await file.getByTestId('verify-document').click();
    await question.getByRole('button', { name: KK.verify }).click();
    await page
      .locator(`[data-testid=document-file][data-document-id="${document.id}"][data-status=verified]`)
      .waitFor();
    expect(await status()).toBe('verified');
    expect(pageErrors).toEqual([]);
  });

  it('asks, naming the user, before an account is disabled', async () => {
    const adminToken = (await login(api.url, 'admin')).accessToken;
    const user = await createUser(api.url, adminToken, { regionId: pavlodar, fullName: 'Әсел Нұрланқызы' });
    const disabled = () => scalar<boolean>(api.databaseUrl, 'SELECT disabled FROM app_user WHERE id = $1', [user.id]);

    await signIn('admin');
    await page.goto(`${api.url}/users/${user.id}`);
    const toggle = page.locator('input[name=disabled]');
    await toggle.click();
    const question = page.getByRole('dialog', { name: KK.disableTitle('Әсел Нұрланқызы') });
    expect(await question.innerText()).toContain(user.username);
    await question.getByRole('button', { name: KK.cancel }).click();
    await question.waitFor({ state: 'detached' });
    expect(await toggle.isChecked()).toBe(false);

    await toggle.click();
    await question.getByRole('button', { name: KK.disable }).click();
    expect(await toggle.isChecked()).toBe(true);
    await page.getByRole('button', { name: KK.save }).click();
    await page.waitForURL(`**/users/${user.id}/show`);
    expect(await disabled()).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it('offers the labour-demand import on the empty list, with the header names as the file must spell them', async () => {
    await withDb(api.databaseUrl, (db) => db.query('DELETE FROM labour_demand'));
    await signIn('official.pavlodar');
    await page.goto(`${api.url}/labour-demand`);
    await page.getByTestId('labour-demand-empty').waitFor();
    await page.getByRole('button', { name: KK.labourImport }).click();
    const dialog = page.getByRole('dialog');
    const headers = await dialog.locator('[data-testid=import-column] code').allInnerTexts();
    expect(headers).toEqual(['year', 'region_code', 'occupation', 'vacancies']);
    const [template] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Үлгі файлды жүктеп алу (CSV)' }).click(),
    ]);
    expect(readFileSync(await template.path(), 'utf8')).toBe('year,region_code,occupation,vacancies\r\n');
    expect(pageErrors).toEqual([]);
  });
});
