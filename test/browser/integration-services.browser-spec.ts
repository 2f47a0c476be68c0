import { readFileSync } from 'node:fs';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { regionIdByCode, scalar } from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';
import { login } from '../support/auth';
import { launchBrowser, loginThroughUi } from '../support/browser';
import { insertApprovedCase } from '../support/case-records';
import { includeInQuota } from '../support/inclusion';

/** Labels of apps/admin/src/i18n/{services,payments}/kk.ts. */
const KK = {
  startPlan: 'Жоспарды бастау',
  information: 'Ақпараттық кеңес',
  refer: 'Жолдау',
  provider: 'Қызмет көрсетуші',
  consent: 'Отбасы аты-жөні мен телефонын қызмет көрсетушіге беруге келісті',
  awaiting: 'Қызмет көрсетушінің жауабын күтуде',
  accept: 'Қабылдау',
  enrol: 'Қызметке қабылдау',
  complete: 'Нәтижені жазу',
  outcome: 'Нәтижесі',
  successful: 'Сәтті',
  completed: 'Аяқталды',
  prepare: 'Мемлекеттік қолдау төлемін дайындау',
  save: 'Сақтау',
  approve: 'Бекіту',
  approved: 'Төлем бекітілді',
  register: 'Тізілім (CSV)',
};
const WIDE = { width: 1400, height: 900 };
const CENTRE = 'Павлодар облысының кандастарды бейімдеу және кіріктіру орталығы';

/**
 * After arrival, through the admin (docs/integration-services.md, docs/support-payments.md):
 * an official starts the family's plan and refers a service, the provider's staff accept,
 * enrol and record the outcome, and a relocation payment is prepared by the official,
 * approved by a second person and taken in the bank register.
 */
describe('admin UI: a family’s services and support after arrival', () => {
  let api: RunningApi;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let applicationId: number;

  beforeAll(async () => {
    api = await startApi({ SERVE_ADMIN: 'true' });
    browser = await launchBrowser();
    const pavlodar = await regionIdByCode(api.databaseUrl, '55');
    const family = await insertApprovedCase(api.databaseUrl, {
      regionId: pavlodar,
      family: [
        { surname: 'Жолдамов', givenName: 'Асқар', birthDate: '1984-02-10', sex: 'M' },
        { surname: 'Жолдамова', givenName: 'Дана', birthDate: '1987-07-01', sex: 'F', relation: 'spouse' },
      ],
    });
    applicationId = family.id;
    await includeInQuota(
      api.url,
      { caseworker: await login(api.url, 'caseworker.pavlodar'), official: await login(api.url, 'official.pavlodar') },
      applicationId,
      pavlodar,
      { arrived: true, adaptationServices: ['information', 'language_course'] },
    );
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });
  afterEach(() => context?.close());

  const open = async (username: string) => {
    context = await browser.newContext({ viewport: WIDE, acceptDownloads: true });
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
    await loginThroughUi(page, api.url, username);
    await page.locator('.RaLayout-content').waitFor();
  };
  const referralState = () =>
    scalar<string>(api.databaseUrl, 'SELECT state FROM referral WHERE application_id = $1', [applicationId]);
  const referrals = (state: string) => `${api.url}/referrals?filter=${encodeURIComponent(JSON.stringify({ state }))}`;
  const stepThroughDialog = async (label: string) => {
    await page
      .locator('tr')
      .filter({ hasText: 'Жолдамов Асқар' })
      .getByRole('button', { name: label, exact: true })
      .click();
    const dialog = page.getByRole('dialog');
    if (label === KK.complete) {
      await dialog.getByRole('combobox', { name: KK.outcome }).click();
      await page.getByRole('option', { name: KK.successful, exact: true }).click();
    }
    await dialog.getByRole('button', { name: label, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  };

  it('goes from the plan to the outcome, and from a prepared payment to the register', async () => {
    // The official starts the plan from the inclusion choices and refers the information session.
    await open('official.pavlodar');
    await page.goto(`${api.url}/applications/${applicationId}/show/plan`);
    await page.getByRole('button', { name: KK.startPlan, exact: true }).click();
    const row = page.getByTestId('case-plan').locator('tr').filter({ hasText: KK.information });
    await row.getByRole('button', { name: KK.refer, exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: KK.provider }).click();
    await page.getByRole('option', { name: CENTRE, exact: true }).click();
    await dialog.getByLabel(KK.consent).check();
    await dialog.getByRole('button', { name: KK.refer, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await row.getByText(KK.awaiting, { exact: true }).waitFor();
    expect(await referralState()).toBe('requested');

    // The same official prepares the relocation subsidy from the case page.
    await page.goto(`${api.url}/applications/${applicationId}/show/decision`);
    await page.getByRole('link', { name: KK.prepare }).click();
    await page.getByRole('button', { name: KK.save, exact: true }).click();
    await page.waitForURL((url) => /\/support-payments\/\d+\/show$/.test(url.pathname));
    // Four-eyes: who prepared it is not offered the approval.
    expect(await page.getByRole('button', { name: KK.approve, exact: true }).count()).toBe(0);
    await context.close();

    // The centre's staff see the family by its consent, and take the referral to its outcome.
    await open('provider.pavlodar');
    await page.goto(referrals('requested'));
    await stepThroughDialog(KK.accept);
    expect(await referralState()).toBe('accepted');
    await page.goto(referrals('accepted'));
    await stepThroughDialog(KK.enrol);
    await page.goto(referrals('enrolled'));
    await stepThroughDialog(KK.complete);
    expect(await referralState()).toBe('completed');
    await page.goto(referrals('completed'));
    await page.locator('tr').filter({ hasText: 'Жолдамов Асқар' }).getByText(KK.completed).waitFor();
    await context.close();

    // A second person approves the payment, and the bank register of the month lists it.
    await open('admin');
    await page.goto(`${api.url}/support-payments`);
    await page.locator('tr').filter({ hasText: 'Жолдамов Асқар' }).getByRole('button', { name: KK.approve }).click();
    await page.getByText(KK.approved, { exact: true }).waitFor();
    expect(
      await scalar<string>(api.databaseUrl, 'SELECT state FROM support_payment WHERE application_id = $1', [
        applicationId,
      ]),
    ).toBe('approved');
    const batchId = await scalar<number>(
      api.databaseUrl,
      'SELECT batch_id FROM support_payment WHERE application_id = $1',
      [applicationId],
    );
    await page.goto(`${api.url}/payment-batches/${batchId}/show`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: KK.register, exact: true }).click(),
    ]);
    const register = readFileSync(await download.path(), 'utf8');
    expect(register).toContain('Жолдамов');
    expect(
      await scalar<string>(api.databaseUrl, 'SELECT state FROM support_payment WHERE application_id = $1', [
        applicationId,
      ]),
    ).toBe('sent');
    const [preparedBy, approvedBy] = await Promise.all(
      ['prepared_by', 'approved_by'].map((column) =>
        scalar<number>(api.databaseUrl, `SELECT ${column} FROM support_payment WHERE application_id = $1`, [
          applicationId,
        ]),
      ),
    );
    expect(preparedBy).not.toBe(approvedBy);
  });
});
