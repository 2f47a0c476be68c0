import type { Browser } from 'playwright-core';
import request from 'supertest';
import { bearer } from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';
import { login } from '../support/auth';
import { launchBrowser, loginThroughUi } from '../support/browser';

const PHONE = { width: 390, height: 844 };

/** An auditor reads a person's access log on the person page (docs/personal-data.md, Reads), on a phone. */
describe('admin UI: a person’s access log', () => {
  let api: RunningApi;
  let browser: Browser;
  let personId: number;

  beforeAll(async () => {
    api = await startApi({ SERVE_ADMIN: 'true' });
    browser = await launchBrowser();
    const caseworker = await login(api.url, 'caseworker.pavlodar');
    const created = await request(api.url)
      .post('/api/persons')
      .set(bearer(caseworker.accessToken))
      .send({ surname: 'Жұмабаев', givenName: 'Сәкен', birthDate: '1972-05-05', sex: 'M' })
      .expect(201);
    personId = (created.body as { id: number }).id;
    await request(api.url).get(`/api/persons/${personId}`).set(bearer(caseworker.accessToken)).expect(200);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('shows the auditor who read and registered the person (themselves included), newest first, in Kazakh at phone width', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await loginThroughUi(page, api.url, 'auditor');
    await page.goto(`${api.url}/persons/${personId}/show`);
    const log = page.getByTestId('person-access-log');
    await log.getByText('Қол жеткізу журналы').waitFor();
    const rows = log.locator('li.MuiListItem-root');
    await rows.nth(2).waitFor();
    const texts = await rows.allInnerTexts();
    // Opening the page is itself a read of the person: the auditor's own view comes first.
    expect(texts).toHaveLength(3);
    expect(texts[0]).toContain('Тұлға қаралды');
    expect(texts[0]).toContain('auditor');
    expect(texts[1]).toContain('Тұлға қаралды');
    expect(texts[1]).toContain('caseworker.pavlodar');
    expect(texts[2]).toContain('Тұлға тіркелді');
    const scrollWidth = await page.evaluate(() => {
      const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document;
      return root.documentElement.scrollWidth;
    });
    expect(scrollWidth).toBeLessThanOrEqual(PHONE.width);
    await page.close();
  });

  it('is not offered to the caseworker who may read the person', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await loginThroughUi(page, api.url, 'caseworker.pavlodar');
    await page.goto(`${api.url}/persons/${personId}/show`);
    await page.getByText('Жұмабаев').first().waitFor();
    expect(await page.getByTestId('person-access-log').count()).toBe(0);
    await page.close();
  });
});
