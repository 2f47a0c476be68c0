import { can, ROLES, type Role } from '@qonys/domain';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { bearer, createUser, regionIdByCode, uniqueUsername } from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';
import { DEMO_PASSWORD, DEMO_TWO_FACTOR_ROLES, login, type Session } from '../support/auth';
import { fieldError, launchBrowser, loginThroughUi } from '../support/browser';

/** The admin's resources of the foundation, with their menu label in Kazakh (apps/admin/src/i18n/kk.ts). */
const MENU_KK = {
  users: 'Пайдаланушылар',
  regions: 'Өңірлер',
  'mci-rates': 'АЕК мөлшерлері',
  holidays: 'Мерекелер',
  deadlines: 'Заңнамалық мерзімдер',
  'audit-events': 'Аудит журналы',
} as const;
type MenuResource = keyof typeof MENU_KK;
const MENU_RESOURCES = Object.keys(MENU_KK) as MenuResource[];

const DEMO_USER: Record<Role, string> = {
  admin: 'admin',
  auditor: 'auditor',
  caseworker: 'caseworker.pavlodar',
  regional_official: 'official.pavlodar',
  provider_staff: 'provider.pavlodar',
};

/** Two-factor roles first: their later logins then fall in a later TOTP step, with no wait (see adminToken). */
const usesTotp = (role: Role): number => Number(DEMO_TWO_FACTOR_ROLES.includes(role));
const ROLES_TWO_FACTOR_FIRST = [...ROLES].sort((a, b) => usesTotp(b) - usesTotp(a));

const WELCOME_KK = /^Қош келдіңіз, /;
const CREATE_KK = 'Жасау';
const EXPORT_KK = 'Экспорттау';

describe('admin UI: the foundation', () => {
  let api: RunningApi;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let adminApiSession: Session | undefined;

  beforeAll(async () => {
    api = await startApi({ SERVE_ADMIN: 'true' });
    browser = await launchBrowser();
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

  /** Signs in through the form and waits for the dashboard's greeting. */
  const signIn = async (target: Page, username: string, password = DEMO_PASSWORD) => {
    await loginThroughUi(target, api.url, username, password);
    await target.getByRole('heading', { level: 1, name: WELCOME_KK }).waitFor();
  };

  /**
   * The admin's API session, for facts the UI is checked against. Taken once, when
   * first needed: each admin login spends a TOTP step, and a third one within 30 s waits.
   */
  const adminToken = async () => (adminApiSession ??= await login(api.url, 'admin')).accessToken;

  /** The total the API reports for a list (the ra-data-simple-rest Content-Range). */
  const apiTotal = async (resource: string, filter: object = {}) => {
    const query = new URLSearchParams({ range: '[0,0]', filter: JSON.stringify(filter) });
    const response = await fetch(`${api.url}/api/${resource}?${query}`, { headers: bearer(await adminToken()) });
    const total = /\/(\d+)$/.exec(response.headers.get('content-range') ?? '')?.[1];
    if (response.status !== 200 || total === undefined) throw new Error(`GET /api/${resource}: ${response.status}`);
    return Number(total);
  };

  const menuItem = (resource: MenuResource) => page.getByRole('menuitem', { name: MENU_KK[resource], exact: true });

  /**
   * Waits for a list page: its title in the app bar (rendered by the new list, not the
   * page it replaced), then a data row. The buttons' permission checks settle locally,
   * well before the rows' round trip, so a button still missing then is not coming.
   */
  const listPage = async (resource: MenuResource) => {
    await page.waitForURL((url) => url.pathname === `/${resource}`);
    await page.getByRole('banner').getByRole('heading', { name: MENU_KK[resource], exact: true }).waitFor();
    await page.getByRole('row').nth(1).waitFor(); // [0] is the header
  };

  describe('menu and buttons per role', () => {
    it.each(ROLES_TWO_FACTOR_FIRST)(
      '%s sees exactly the entries and buttons the permission table allows',
      async (role) => {
        await signIn(page, DEMO_USER[role]);

        const allowed = MENU_RESOURCES.filter((resource) => can(role, resource, 'list'));
        for (const resource of allowed) await menuItem(resource).waitFor();
        const links = await page
          .getByRole('menuitem')
          .evaluateAll((items) => items.map((item) => item.getAttribute('href')));
        const shown = links.flatMap((href) => (href && href !== '/' && href !== '/account' ? [href.slice(1)] : []));
        // Nothing the table refuses, whatever resources the admin gains later…
        expect(shown.filter((resource) => !can(role, resource, 'list'))).toEqual([]);
        // …and of the foundation's resources, exactly those it allows.
        expect(MENU_RESOURCES.filter((resource) => shown.includes(resource))).toEqual(allowed);

        for (const resource of allowed) {
          await menuItem(resource).click();
          await listPage(resource);
          const createButtons = page.getByRole('link', { name: CREATE_KK, exact: true });
          const exportButtons = page.getByRole('button', { name: EXPORT_KK, exact: true });
          if (can(role, resource, 'create')) await createButtons.waitFor();
          if (can(role, resource, 'export')) await exportButtons.waitFor();
          expect([resource, await createButtons.count(), await exportButtons.count()]).toEqual([
            resource,
            can(role, resource, 'create') ? 1 : 0,
            can(role, resource, 'export') ? 1 : 0,
          ]);
        }
      },
    );

    it('shows a caseworker who opens /users the access-denied page, not the users', async () => {
      await signIn(page, 'caseworker.pavlodar');
      await page.goto(`${api.url}/users`);

      await page.getByText('Рұқсат жоқ', { exact: true }).waitFor();
      await page.getByText('Бұл бетті ашуға құқығыңыз жоқ', { exact: true }).waitFor();
      expect(await page.getByRole('row').count()).toBe(0);
      expect(await page.getByText('Әсел Жұмабекова').count()).toBe(0); // the admin's name
    });
  });

  it('switches the language from Kazakh to Russian to English and keeps it after a reload', async () => {
    await signIn(page, 'caseworker.abai');
    const languageButton = page.getByRole('button', { name: 'Тіл / Язык / Language' });
    const expectLabels = async (language: string, dashboard: string, regions: string, greeting: RegExp) => {
      await page.getByRole('menuitem', { name: regions, exact: true }).waitFor();
      await page.getByRole('menuitem', { name: dashboard, exact: true }).waitFor();
      await page.getByRole('heading', { level: 1, name: greeting }).waitFor();
      expect(await languageButton.textContent()).toBe(language);
    };
    const choose = async (language: string) => {
      await languageButton.click();
      await page.getByRole('menuitem', { name: language, exact: true }).click();
    };

    await expectLabels('Қазақша', 'Басты бет', 'Өңірлер', WELCOME_KK);

    await choose('Русский');
    await expectLabels('Русский', 'Главная', 'Регионы', /^Здравствуйте, Айгүл Нұрланова$/);
    expect(await page.getByRole('menuitem', { name: 'Өңірлер' }).count()).toBe(0);

    await choose('English');
    await expectLabels('English', 'Dashboard', 'Regions', /^Welcome, Айгүл Нұрланова$/);
    expect(await page.getByRole('menuitem', { name: 'Регионы' }).count()).toBe(0);

    await page.reload();
    await expectLabels('English', 'Dashboard', 'Regions', /^Welcome, /);
  });

  it('lets an admin create a user, who then signs in; refuses a short password and a taken username', async () => {
    const username = uniqueUsername('cw.ui');
    const fullName = 'Жанар Әлиева';
    const password = 'a-long-enough-password';
    await signIn(page, 'admin');

    await menuItem('users').click();
    await listPage('users');
    await page.getByRole('link', { name: CREATE_KK, exact: true }).click();
    await page.waitForURL(`${api.url}/users/create`);
    await page.locator('input[name=username]').fill(username);
    await page.locator('input[name=fullName]').fill(fullName);
    await page.getByRole('combobox', { name: /^Рөлі/ }).click();
    await page.getByRole('option', { name: 'Маман', exact: true }).click();
    await page.getByRole('combobox', { name: /^Өңір/ }).click();
    await page.getByRole('option', { name: '55 · Павлодар облысы', exact: true }).click();
    const passwordInput = page.locator('input[name=password]');
    const confirmInput = page.locator('input[name=passwordConfirm]');
    const save = page.getByRole('button', { name: 'Сақтау', exact: true });

    await passwordInput.fill('too-short');
    await confirmInput.fill('too-short');
    await save.click();
    expect(await fieldError(passwordInput)).toBe('Кемінде 12 таңба');

    await passwordInput.fill(password);
    await confirmInput.fill(password);
    await page.locator('input[name=username]').fill('caseworker.abai');
    await save.click();
    expect(await fieldError(page.locator('input[name=username]'))).toBe('Бұл пайдаланушы аты бос емес');
    expect(page.url()).toBe(`${api.url}/users/create`);

    await page.locator('input[name=username]').fill(username);
    await save.click();
    await page.waitForURL(/\/users\/\d+\/show$/);
    await page.getByText(username, { exact: true }).waitFor();

    await menuItem('users').click();
    await listPage('users');
    await page.getByPlaceholder('Іздеу').fill(username);
    const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: username, exact: true }) });
    await row.waitFor();
    await row.getByRole('cell', { name: fullName, exact: true }).waitFor();
    await row.getByText('Маман', { exact: true }).waitFor();
    await row.getByText('Павлодар облысы', { exact: true }).waitFor(); // a reference, fetched on its own

    const newcomer = await (await browser.newContext()).newPage();
    try {
      await loginThroughUi(newcomer, api.url, username, password);
      await newcomer.getByRole('heading', { level: 1, name: `Қош келдіңіз, ${fullName}` }).waitFor();
    } finally {
      await newcomer.context().close();
    }
  });

  it("shows an auditor a user's creation with its changes, and a valid chain", async () => {
    const regionId = await regionIdByCode(api.databaseUrl, '10');
    const created = await createUser(api.url, await adminToken(), { role: 'regional_official', regionId });
    await signIn(page, 'auditor');

    await menuItem('audit-events').click();
    await listPage('audit-events');
    // The action filter names each action in the UI language; the URL carries its code.
    await page.goto(`${api.url}/audit-events?filter=${encodeURIComponent(JSON.stringify({ action: 'user.create' }))}`);
    // Newest first: the creation just made, by the admin.
    const newest = page.getByRole('row').nth(1);
    await newest.getByRole('cell', { name: 'Пайдаланушы құрылды', exact: true }).waitFor();
    expect(await newest.getByRole('cell', { name: 'admin', exact: true }).count()).toBe(1);
    await newest.getByRole('cell', { name: 'Пайдаланушы құрылды', exact: true }).click();

    await page.waitForURL(/\/audit-events\/\d+\/show$/);
    const changes = page.getByRole('table', { name: 'Өзгерістер' });
    const usernameChange = changes
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: 'username', exact: true }) });
    await usernameChange.waitFor();
    expect(await usernameChange.getByRole('cell').allInnerTexts()).toEqual(['username', '∅', created.username]);
    const roleChange = changes.getByRole('row').filter({ has: page.getByRole('cell', { name: 'role', exact: true }) });
    expect(await roleChange.getByRole('cell').allInnerTexts()).toEqual(['role', '∅', 'regional_official']);

    await page.getByRole('link', { name: 'Тізім', exact: true }).click();
    await listPage('audit-events');
    await page.getByTestId('verify-chain-button').click();
    const result = page.getByTestId('verify-chain-result');
    await result.waitFor();
    expect(await result.getAttribute('data-valid')).toBe('true');
    expect(await result.innerText()).toMatch(/^Аудит тізбегі бүтін ✓ тексерілген жолдар: \d+$/);
  });

  it('sends a signed-out visitor of a deep link to the login form, and back to the link after signing in', async () => {
    await page.goto(new URL('/regions', api.url).href);
    await page.waitForURL((url) => url.pathname === '/login');
    await page.locator('input[name=username]').fill('caseworker.pavlodar');
    await page.locator('input[name=password]').fill(DEMO_PASSWORD);
    await page.locator('button[type=submit]').click();
    await listPage('regions');
    // One entry for the link and one for the login form: no redirect storm in the history.
    // (Runs in the page; the test's own types have no DOM.)
    const historyLength = await page.evaluate(
      () => (globalThis as unknown as { history: { length: number } }).history.length,
    );
    expect(historyLength).toBeLessThan(5);
  });

  it('shows the real counts on the dashboard', async () => {
    await signIn(page, 'auditor');
    const figure = async (testId: string) => Number((await page.getByTestId(testId).innerText()).replace(/\D/g, ''));
    await page.getByTestId('users-total').waitFor();

    expect(await figure('users-total')).toBe(await apiTotal('users'));
    expect(await figure('users-disabled')).toBe(await apiTotal('users', { disabled: true }));
    expect(await figure('regions-total')).toBe(await apiTotal('regions'));
    expect(await figure('mci-this-year')).toBe(await apiMci(new Date().getFullYear()));
  });

  async function apiMci(year: number): Promise<number> {
    const query = new URLSearchParams({ filter: JSON.stringify({ year }) });
    const response = await fetch(`${api.url}/api/mci-rates?${query}`, { headers: bearer(await adminToken()) });
    const [rate] = (await response.json()) as { amount: number }[];
    return rate.amount;
  }
});
