import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { bearer, regionIdByCode, withDb } from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';
import { DEMO_PASSWORD, login } from '../support/auth';
import { launchBrowser, loginThroughUi } from '../support/browser';
import { insertCase } from '../support/case-records';

const YEAR = 2031;
/** The server's codes as apps/admin/src/i18n/messages/kk.ts and ru.ts say them. */
const TEXTS = {
  kk: {
    language: 'Қазақша',
    invalidCredentials: 'Пайдаланушы аты немесе құпиясөз қате',
    validationFailed: 'Енгізілген деректерді тексеріңіз',
    quotaExists: `Бұл өңірде ${YEAR} жылға «Қандастар» квотасы бұрыннан бар`,
  },
  ru: {
    language: 'Русский',
    invalidCredentials: 'Неверное имя пользователя или пароль',
    validationFailed: 'Проверьте введённые данные',
    quotaExists: `Квота «Кандасы» на ${YEAR} год в этом регионе уже есть`,
  },
};
/** The English the API sends beside each code: it must never reach the screen. */
const ENGLISH = [
  'Wrong username or password',
  'Validation failed',
  'already exists in this region',
  'Arrival in the settlement region',
  'auth.login',
];

describe('admin UI: the server’s messages in the reader’s language', () => {
  let api: RunningApi;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pavlodar: number;
  let caseId: number;

  beforeAll(async () => {
    api = await startApi({ SERVE_ADMIN: 'true' });
    browser = await launchBrowser();
    pavlodar = await regionIdByCode(api.databaseUrl, '55');
    const admin = await login(api.url, 'admin');
    const quota = { year: YEAR, regionId: pavlodar, category: 'kandas', capacity: 5, legalAct: 'Бұйрық' };
    const created = await fetch(`${api.url}/api/quotas`, {
      method: 'POST',
      headers: { ...bearer(admin.accessToken), 'content-type': 'application/json' },
      body: JSON.stringify(quota),
    });
    expect(created.status).toBe(201);
    // A timeline line the system wrote, stored as a code with its parameters.
    caseId = (await insertCase(api.databaseUrl, { regionId: pavlodar, status: 'approved' })).id;
    await withDb(api.databaseUrl, (db) =>
      db.query(
        `INSERT INTO application_event (application_id, type, transition, data)
         VALUES ($1, 'updated', 'settlement.arrival', $2)`,
        [caseId, { message: { code: 'timeline.arrival_confirmed', params: { date: '2031-03-02' } } }],
      ),
    );
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
  });
  afterEach(() => context?.close());

  const expectNoEnglish = async () => {
    const text = await page.locator('body').innerText();
    for (const english of ENGLISH) expect(text).not.toContain(english);
  };

  /** Signs in through the form and waits for the app's own bar (the login page has none). */
  const signInAsAdmin = async () => {
    await loginThroughUi(page, api.url, 'admin');
    await page.locator('header').getByTestId('language-menu-button').waitFor({ timeout: 60_000 });
  };

  const submitLogin = async (username: string, password: string) => {
    await page.locator('input[name=username]').fill(username);
    await page.locator('input[name=password]').fill(password);
    await page.locator('button[type=submit]').click();
  };

  it.each(['kk', 'ru'] as const)(
    'in %s: a login error, a validation error and a domain refusal read in that language',
    async (locale) => {
      const t = TEXTS[locale];
      await page.goto(api.url);
      if (locale !== 'kk') {
        await page.getByTestId('language-menu-button').click();
        await page.getByRole('menuitem', { name: t.language, exact: true }).click();
      }
      const loginError = page.getByTestId('login-error');

      // Login error: 401 auth.invalid_credentials.
      await submitLogin('caseworker.pavlodar', `${DEMO_PASSWORD}-wrong`);
      await page.getByTestId('login-error').getByText(t.invalidCredentials, { exact: true }).waitFor();
      await expectNoEnglish();

      // Validation error: 400 validation.failed (a user name longer than the server takes).
      await submitLogin('x'.repeat(65), DEMO_PASSWORD);
      await loginError.getByText(t.validationFailed, { exact: true }).waitFor();
      await expectNoEnglish();

      // Domain refusal: 409 quota.exists, with the category named in this language.
      await signInAsAdmin();
      const source = {
        year: YEAR,
        regionId: pavlodar,
        category: 'kandas',
        capacity: 5,
        unit: 'persons',
        legalAct: 'Бұйрық',
      };
      await page.goto(`${api.url}/quotas/create?source=${encodeURIComponent(JSON.stringify(source))}`);
      await page.locator('button[type=submit]').click();
      await page.getByText(t.quotaExists, { exact: true }).waitFor();
      await expectNoEnglish();
    },
  );

  it('in kk: a case timeline and the audit list read in Kazakh', async () => {
    await signInAsAdmin();

    await page.goto(`${api.url}/applications/${caseId}/show/timeline`);
    const line = page.getByTestId('timeline-message');
    await line.waitFor();
    expect(await line.innerText()).toMatch(/^Қоныстандыру өңіріне келу расталды \(.*2031.*\)$/);
    await expectNoEnglish();

    await page.goto(`${api.url}/audit-events`);
    await page.getByText('Жүйеге кірді', { exact: true }).first().waitFor();
    await page.getByText('Пайдаланушы', { exact: true }).first().waitFor();
    await expectNoEnglish();
  });
});
