import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createUser, type CreatedUser, regionIdByCode, scalar } from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';
import { login, totp } from '../support/auth';
import { fieldError, launchBrowser, loginThroughUi } from '../support/browser';

/** Texts of the account page in Kazakh, the admin's default language (apps/admin/src/i18n/kk.ts). */
const KK = {
  welcome: /^Қош келдіңіз, /,
  setUp: 'Екі факторлы аутентификацияны баптау',
  turnOn: 'Қосу',
  turnOff: 'Өшіру',
  close: 'Жабу',
  wrongPassword: 'Қазіргі құпиясөз қате',
  on: 'Екі факторлы аутентификация қосулы.',
};

describe('admin UI: one’s own second factor', () => {
  let api: RunningApi;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let user: CreatedUser;

  beforeAll(async () => {
    api = await startApi({ SERVE_ADMIN: 'true' });
    browser = await launchBrowser();
    const admin = await login(api.url, 'admin');
    user = await createUser(api.url, admin.accessToken, {
      role: 'caseworker',
      regionId: await regionIdByCode(api.databaseUrl, '55'),
    });
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await api?.stop();
  });

  const auditedMfa = () =>
    scalar<string | null>(
      api.databaseUrl,
      `SELECT string_agg(action, ',' ORDER BY id) FROM audit_event WHERE entity_id = $1 AND action LIKE 'auth.mfa_%'`,
      [String(user.id)],
    );

  it('asks for the password before setting up the second factor, then turns it on with the app’s code', async () => {
    await loginThroughUi(page, api.url, user.username, user.password);
    await page.getByRole('heading', { level: 1, name: KK.welcome }).waitFor();
    await page.goto(`${api.url}/account`);
    const password = page.locator('input[name=mfaPassword]');
    const setUp = page.getByRole('button', { name: KK.setUp, exact: true });

    await setUp.click();
    expect(await fieldError(password)).not.toBe('');
    await password.fill('not-the-password-1');
    await setUp.click();
    expect(await fieldError(password)).toBe(KK.wrongPassword);
    expect(await auditedMfa()).toBeNull();

    await password.fill(user.password);
    await setUp.click();
    const secret = await page.getByTestId('mfa-secret').getAttribute('data-secret');
    expect(secret).toMatch(/^[A-Z2-7]+=*$/);
    await page.locator('input[name=otp]').fill(totp(secret!));
    await page.getByRole('button', { name: KK.turnOn, exact: true }).click();
    // The recovery codes are shown once: acknowledged before the page goes on.
    await page.locator('input[name=recoveryCodesSaved]').check();
    await page.getByRole('button', { name: KK.close, exact: true }).click();
    await page.getByText(KK.on).waitFor();
    expect(await auditedMfa()).toBe('auth.mfa_enrolled');
  });

  it('turns the second factor off only with the password', async () => {
    const password = page.locator('input[name=mfaPassword]');
    const turnOff = page.getByRole('button', { name: KK.turnOff, exact: true });
    await password.fill('not-the-password-1');
    await turnOff.click();
    expect(await fieldError(password)).toBe(KK.wrongPassword);
    await password.fill(user.password);
    await turnOff.click();
    await page.getByRole('button', { name: KK.setUp, exact: true }).waitFor();
    expect(await auditedMfa()).toBe('auth.mfa_enrolled,auth.mfa_removed');
    const response = await fetch(`${api.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: user.username, password: user.password }),
    });
    expect(response.status).toBe(200);
  });
});
