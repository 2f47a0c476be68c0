import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { type RunningApi, startApi } from '../support/api-process';
import { fieldError, launchBrowser, loginThroughUi } from '../support/browser';

describe('admin UI: reference data in the reader’s language, and the dashboard’s cards', () => {
  let api: RunningApi;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    api = await startApi({ SERVE_ADMIN: 'true' });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
    // One sign-in for the whole file: each admin sign-in spends a one-time-code step.
    await loginThroughUi(page, api.url, 'admin');
    await page.getByRole('heading', { level: 1, name: /^Қош келдіңіз, / }).waitFor();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await api?.stop();
  });

  const chooseLanguage = async (language: 'Қазақша' | 'Русский' | 'English') => {
    await page.getByRole('button', { name: 'Тіл / Язык / Language' }).click();
    await page.getByRole('menuitem', { name: language, exact: true }).click();
  };
  /** The table row that holds `text`, once the list has loaded. */
  const row = (text: string) => page.getByRole('row').filter({ hasText: text });

  it('shows the admin’s dashboard as its cards: users, the 20 regions, audit, this year’s MCI', async () => {
    for (const heading of ['Пайдаланушылар', 'Өңірлер', 'Аудит журналы, соңғы 24 сағат'])
      await page.getByRole('heading', { level: 2, name: heading, exact: true }).waitFor();
    expect(await page.getByTestId('regions-total').textContent()).toBe('20');
    expect(Number(await page.getByTestId('users-total').textContent())).toBeGreaterThan(0);
    expect(await page.getByTestId('mci-this-year').textContent()).toMatch(/\d/);
  });

  it('names the regional centre in Kazakh, then in Russian', async () => {
    await page.goto(`${api.url}/regions`);
    await row('Батыс Қазақстан облысы').filter({ hasText: 'Орал' }).waitFor();
    await chooseLanguage('Русский');
    await row('Западно-Казахстанская область').filter({ hasText: 'Уральск' }).waitFor();
    expect(await page.getByRole('cell', { name: 'Орал', exact: true }).count()).toBe(0);
    await row('Восточно-Казахстанская область').filter({ hasText: 'Усть-Каменогорск' }).waitFor();
  });

  it('gives a legal ground’s title and legal basis in Russian, then in Kazakh', async () => {
    await page.goto(`${api.url}/legal-grounds`);
    await row('Имеет гражданство Республики Казахстан')
      .filter({ hasText: 'Закон «О миграции населения», определение кандаса' })
      .waitFor();
    await chooseLanguage('Қазақша');
    await row('Қазақстан Республикасының азаматтығы бар')
      .filter({ hasText: '«Халықтың көші-қоны туралы» Заң, қандас анықтамасы' })
      .waitFor();
  });

  it('asks for the centre in every language when one is cleared', async () => {
    await page.goto(`${api.url}/regions`);
    await row('Павлодар облысы').click();
    const centreRu = page.locator('input[name=centreRu]');
    await centreRu.waitFor();
    expect(await centreRu.inputValue()).toBe('Павлодар');
    await centreRu.fill('');
    await page.getByRole('button', { name: 'Сақтау' }).click();
    expect(await fieldError(centreRu)).toBe('Үш тілде де толтырыңыз немесе бос қалдырыңыз');
  });
});
