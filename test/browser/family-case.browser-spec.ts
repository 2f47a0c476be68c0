import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import request from 'supertest';
import { TINY_PDF, TINY_PNG } from '../fixtures/tiny-files';
import { type RunningApi, startApi } from '../support/api-process';
import { launchBrowser, loginThroughUi } from '../support/browser';

/**
 * The caseworker's path through the admin UI, on the built app served by the API:
 * register a family of four, upload and verify its documents, take the case to
 * approval, download the certificate, and check it on the public page.
 * Selectors use test ids and field names, never labels, so the UI language may change.
 */
describe('admin UI: a family from registration to a verifiable certificate', () => {
  let api: RunningApi;
  let browser: Browser;
  let page: Page;
  let files: string;

  beforeAll(async () => {
    api = await startApi({ SERVE_ADMIN: 'true' });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    files = mkdtempSync(join(tmpdir(), 'qonys-browser-'));
    writeFileSync(join(files, 'scan.pdf'), TINY_PDF);
    writeFileSync(join(files, 'photo.png'), TINY_PNG);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    rmSync(files, { recursive: true, force: true });
  });

  /** Waits until the locator matches exactly `count` elements (the UI updates after each request). */
  const waitForCount = async (locator: Locator, count: number) => {
    const deadline = Date.now() + 15_000;
    while ((await locator.count()) !== count) {
      if (Date.now() > deadline)
        throw new Error(`expected ${count} of ${locator.toString()}, got ${await locator.count()}`);
      await page.waitForTimeout(100);
    }
  };

  /** Opens the MUI select whose hidden input has this name and picks the option with this value. */
  const choose = async (scope: Page | Locator, name: string, value: string) => {
    await scope.locator(`.MuiInputBase-root:has(input[name="${name}"]) [role=combobox]`).click();
    await page.locator(`li[role=option][data-value="${value}"]`).click();
  };

  /** Registers a new person through the picker's dialog; no duplicates exist in a fresh database. */
  const registerPerson = async (person: { surname: string; givenName: string; birthDate: string; sex: 'M' | 'F' }) => {
    await page.getByTestId('register-new-person').last().click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[name=surname]').fill(person.surname);
    await dialog.locator('input[name=givenName]').fill(person.givenName);
    await dialog.locator('input[name=birthDate]').fill(person.birthDate);
    await choose(dialog, 'sex', person.sex);
    await dialog.locator('button[type=submit]').click();
    await dialog.waitFor({ state: 'detached' });
  };

  const transition = async (name: string, comment?: string) => {
    await page.getByTestId(`transition-${name}`).click();
    const dialog = page.getByTestId('transition-dialog');
    if (comment) await dialog.locator('textarea[name=comment]').fill(comment);
    await dialog.getByTestId('transition-confirm').click();
    await dialog.waitFor({ state: 'detached' });
  };

  it('registers a family of four, verifies its documents, approves the case and the certificate checks out', async () => {
    await loginThroughUi(page, api.url, 'caseworker.pavlodar');
    await page.goto(`${api.url}/applications/create`);

    // Step 1: the applicant; step 2: spouse and two children.
    await registerPerson({ surname: 'Жұмабаев', givenName: 'Ерлан', birthDate: '1981-04-12', sex: 'M' });
    await page.getByTestId('step-next').click();
    const members = [
      { surname: 'Жұмабаева', givenName: 'Сәуле', birthDate: '1984-09-03', sex: 'F', relation: 'spouse' },
      { surname: 'Жұмабаев', givenName: 'Арман', birthDate: '2008-01-20', sex: 'M', relation: 'child' },
      { surname: 'Жұмабаева', givenName: 'Дана', birthDate: '2012-06-30', sex: 'F', relation: 'child' },
    ] as const;
    for (const { relation, ...person } of members) {
      await registerPerson(person);
      await choose(page, 'relation', relation);
      await page.getByTestId('add-draft-member').click();
    }
    await waitForCount(page.getByTestId('draft-member'), 4);
    await page.getByTestId('step-next').click();
    await choose(page, 'channel', 'in_person');
    await page.getByTestId('step-next').click();
    await page.getByTestId('create-case').click();
    await page.waitForURL(/\/applications\/\d+\/show$/);
    const caseUrl = page.url();
    await waitForCount(page.getByTestId('family-member'), 4);

    await transition('submit');
    await transition('accept');

    // Every checklist item gets a file, and every file is verified.
    await page.goto(`${caseUrl}/documents`);
    const uploads = page.getByTestId('upload-document');
    await uploads.first().waitFor({ state: 'attached' });
    const items = await uploads.count();
    for (let i = 0; i < items; i++) {
      await uploads.nth(i).setInputFiles(join(files, i % 2 === 0 ? 'scan.pdf' : 'photo.png'));
      await page.getByTestId('checklist-item').nth(i).getByTestId('document-file').waitFor();
    }
    for (let i = 0; i < items; i++) {
      await page.getByTestId('verify-document').first().click();
      await waitForCount(page.getByTestId('verify-document'), items - i - 1);
    }
    await waitForCount(page.locator('[data-testid=checklist-item]:not([data-status=verified])'), 0);

    await transition('approve', 'All documents verified');
    await page.goto(`${caseUrl}/decision`);
    const number = (await page.getByTestId('certificate-number').textContent())?.trim() ?? '';
    expect(number).not.toBe('');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-certificate-kk').click(),
    ]);
    expect(
      readFileSync((await download.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    const href = await page.getByTestId('verify-link').getAttribute('href');
    expect(href).toBe(`/verify/${encodeURIComponent(number)}`);
    // The public page, as anyone scanning the QR code sees it: a fresh browser context, no session.
    const verifyPage = await browser.newPage();
    const response = await verifyPage.goto(`${api.url}${href}`);
    expect(response?.status()).toBe(200);
    expect(await verifyPage.textContent('body')).toContain(number);
    await verifyPage.close();
    const check = await request(api.url)
      .get(`/api/public/certificates/${encodeURIComponent(number)}`)
      .expect(200);
    expect(check.body).toMatchObject({ number, status: 'valid' });
  });
});
