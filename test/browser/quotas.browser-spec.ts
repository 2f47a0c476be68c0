import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { bearer, createUser, regionIdByCode, scalar, withDb } from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';
import { login } from '../support/auth';
import { fieldError, launchBrowser, loginThroughUi } from '../support/browser';

const YEAR = 2026;
/** Labels of apps/admin/src/i18n/quotas/kk.ts and the react-admin Kazakh messages. */
const KK = {
  boardMenu: 'Өңірлік квота',
  batchMenu: 'Топтап орналастыру',
  run: 'Орналастыруды есептеу',
  override: 'Өзгерту',
  region: 'Өңір',
  reasonRequired: 'Өзгерту үшін себебін көрсету керек',
  acceptPavlodar: 'Павлодар облысы үшін қабылдау',
  confirm: 'Растау',
  northKazakhstan: 'Солтүстік Қазақстан облысы',
  reasonCode: 'Отбасы неге көшуі керек',
  relatives: 'Өңірде туыстары бар',
  bestPlan: 'Бұдан жақсы жоспар жоқ: бұл осы отбасылар мен қалған орындар үшін мүмкін болатын ең үздік орналастыру.',
  firstChoice: (n: number) => `Ең қалаған өңіріне: ${n}`,
};
/** Persons per family; every family puts Pavlodar first, North Kazakhstan second. */
const FAMILY_SIZES = [3, 2, 4, 2];
const OVERRIDE_REASON = 'Отбасы Петропавлдағы туыстарының қасында тұрғысы келеді';

interface Family {
  applicationId: number;
  persons: number;
}

describe('admin UI: quota board and batch placement', () => {
  let api: RunningApi;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pavlodar: number;
  let northKazakhstan: number;
  let officialToken: string;
  const families: Family[] = [];

  /** Approved kandas families with a submitted 2026 inclusion request each, written straight into the database. */
  const insertFamilies = () =>
    withDb(api.databaseUrl, async (db) => {
      for (const [n, size] of FAMILY_SIZES.entries()) {
        const personIds: number[] = [];
        for (let m = 0; m < size; m++) {
          const { rows } = await db.query<{ id: number }>(
            `INSERT INTO person (surname, given_name, surname_latin, given_name_latin, birth_date, sex, region_id, search_key, languages)
             VALUES ('Сәрсенов', $1, 'Sarsenov', $1, '1984-02-02', 'M', $2, $3, $4) RETURNING id`,
            [`Ф${n}м${m}`, pavlodar, `sarsenov f${n}m${m}`, ['kk']],
          );
          personIds.push(rows[0].id);
        }
        const { rows } = await db.query<{ id: number }>(
          `INSERT INTO application (number, status, channel, region_id, applicant_id, submitted_at, decided_at, status_valid_from, status_valid_to)
           VALUES ($1, 'approved', 'egov', $2, $3, now(), now(), '2026-01-10', '2099-01-09') RETURNING id`,
          [`KND-2026-9${String(n).padStart(5, '0')}`, pavlodar, personIds[0]],
        );
        const applicationId = rows[0].id;
        for (const [m, personId] of personIds.entries()) {
          await db.query(
            'INSERT INTO application_member (application_id, person_id, relation, active) VALUES ($1, $2, $3, true)',
            [applicationId, personId, m === 0 ? 'applicant' : 'child'],
          );
        }
        await db.query(
          `INSERT INTO inclusion_request (application_id, year, category, preferred_region_ids, consent, persons, region_id, created_at)
           VALUES ($1, $2, 'kandas', $3, true, $4, $5, now() + make_interval(secs => $6))`,
          [applicationId, YEAR, [pavlodar, northKazakhstan], size, pavlodar, n],
        );
        families.push({ applicationId, persons: size });
      }
    });

  const apiGet = async <T>(path: string): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${api.url}/api${path}`, { headers: bearer(officialToken) });
    return { status: response.status, body: (await response.json()) as T };
  };

  /** Pavlodar's 2026 kandas quota as the API reports it. */
  const apiQuota = async () => {
    const filter = encodeURIComponent(JSON.stringify({ year: YEAR, category: 'kandas', regionId: pavlodar }));
    const { body } = await apiGet<{ reserved: number; balance: number; capacity: number }[]>(
      `/quotas?filter=${filter}`,
    );
    expect(body).toHaveLength(1);
    return body[0];
  };

  /** Pavlodar's row of the board: opens it afresh (no cached figures) and reads the numbers. */
  const boardFigures = async () => {
    await page.goto(`${api.url}/quotas?year=${YEAR}&category=kandas`);
    const row = page.locator(`tr[data-region-id="${pavlodar}"]`);
    await row.waitFor();
    const read = async (field: string) =>
      Number((await row.locator(`[data-field=${field}]`).innerText()).replace(/\D/g, ''));
    return { capacity: await read('capacity'), reserved: await read('reserved'), balance: await read('balance') };
  };

  beforeAll(async () => {
    api = await startApi({ SERVE_ADMIN: 'true' });
    browser = await launchBrowser();
    pavlodar = await regionIdByCode(api.databaseUrl, '55');
    northKazakhstan = await regionIdByCode(api.databaseUrl, '59');
    await insertFamilies();
    officialToken = (await login(api.url, 'official.pavlodar')).accessToken;
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

  it("lets Pavlodar's official run a batch, override one family with a reason, accept, and see the board change", async () => {
    await loginThroughUi(page, api.url, 'official.pavlodar');
    await page.getByRole('menuitem', { name: KK.boardMenu, exact: true }).waitFor();
    await page.getByRole('menuitem', { name: KK.batchMenu, exact: true }).waitFor();

    // The board before: the same figures as the API.
    const before = await boardFigures();
    const apiBefore = await apiQuota();
    expect(before).toEqual({ capacity: apiBefore.capacity, reserved: apiBefore.reserved, balance: apiBefore.balance });

    // Run the batch; the page polls the run until its proposal is ready.
    await page.goto(`${api.url}/placement?year=${YEAR}&category=kandas`);
    await page.getByRole('button', { name: KK.run, exact: true }).click();
    const batch = page.locator('[data-batch-id][data-status=proposed]');
    await batch.waitFor({ timeout: 60_000 });
    const batchId = Number(await batch.getAttribute('data-batch-id'));
    expect(await batch.locator('[data-field=families]').innerText()).toContain(String(FAMILY_SIZES.length));

    // The plan in the official's words; the solver's figures only on request.
    expect(await batch.getByTestId('plan-headline').innerText()).toBe(KK.bestPlan);
    expect(await batch.locator('[data-field=plain-first_choice]').innerText()).toBe(
      KK.firstChoice(FAMILY_SIZES.length),
    );
    expect(await batch.locator('[data-field=lpBound]').isVisible()).toBe(false);
    await batch.getByTestId('plan-technical').click();
    await batch.locator('[data-field=lpBound]').waitFor({ state: 'visible' });

    // Every family chose Pavlodar first and it has room: all four are proposed there.
    const proposals = await apiGet<{ id: number; applicationId: number; finalRegionId: number; persons: number }[]>(
      `/placement/batches/${batchId}/proposals`,
    );
    expect(proposals.body.map((p) => p.finalRegionId)).toEqual(FAMILY_SIZES.map(() => pavlodar));
    for (const family of families) await page.locator(`tr[data-application-id="${family.applicationId}"]`).waitFor();
    // Each family by its case number and applicant, not a bare id.
    const firstRow = page.locator(`tr[data-application-id="${families[0].applicationId}"]`);
    expect(await firstRow.getByTestId('case-family').innerText()).toMatch(/^KND-2026-900000\s+Сәрсенов Ф0м0$/);

    // Override the first family; without a reason the dialog refuses.
    const moved = families[0];
    const movedProposal = proposals.body.find((p) => p.applicationId === moved.applicationId)!;
    await page
      .locator(`tr[data-application-id="${moved.applicationId}"]`)
      .getByRole('button', { name: KK.override, exact: true })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: KK.region }).click();
    await page.getByRole('option', { name: KK.northKazakhstan, exact: true }).click();
    await dialog.getByRole('button', { name: KK.override, exact: true }).click();
    expect(await fieldError(dialog.locator('textarea[name=reason]'))).toBe(KK.reasonRequired);
    expect(
      await scalar(
        api.databaseUrl,
        'SELECT count(*)::int FROM placement_proposal WHERE batch_id = $1 AND override_region_id IS NOT NULL',
        [batchId],
      ),
    ).toBe(0);
    // The API refuses one too, naming the reason.
    const refused = await fetch(`${api.url}/api/placement/batches/${batchId}/proposals/${movedProposal.id}/override`, {
      method: 'POST',
      headers: { ...bearer(officialToken), 'Content-Type': 'application/json' },
      body: JSON.stringify({ regionId: northKazakhstan }),
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errors?: Record<string, string> }).errors?.reason).toBeTruthy();

    await dialog.locator('textarea[name=reason]').fill(OVERRIDE_REASON);
    // Into another region the official asks that region (docs/transfers.md): why, as a code too.
    await dialog.getByRole('combobox', { name: KK.reasonCode }).click();
    await page.getByRole('option', { name: KK.relatives, exact: true }).click();
    await dialog.getByRole('button', { name: KK.override, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(
      await scalar(api.databaseUrl, 'SELECT override_region_id FROM placement_proposal WHERE id = $1', [
        movedProposal.id,
      ]),
    ).toBeNull();
    // North Kazakhstan's official accepts the request.
    const admin = await login(api.url, 'admin');
    const northUser = await createUser(api.url, admin.accessToken, {
      role: 'regional_official',
      regionId: northKazakhstan,
    });
    const north = await login(api.url, northUser.username, northUser.password);
    const [transfer] = (await (
      await fetch(`${api.url}/api/transfer-requests`, { headers: bearer(north.accessToken) })
    ).json()) as { id: number; version: number }[];
    const accepted = await fetch(`${api.url}/api/transfer-requests/${transfer.id}/accept`, {
      method: 'POST',
      headers: { ...bearer(north.accessToken), 'Content-Type': 'application/json' },
      body: JSON.stringify({ version: transfer.version }),
    });
    expect(accepted.status).toBe(200);
    // Now in North Kazakhstan: out of the official's view, recorded with its reason.
    await page.reload();
    await page.locator(`tr[data-application-id="${families[1].applicationId}"]`).waitFor();
    await page.locator(`tr[data-application-id="${moved.applicationId}"]`).waitFor({ state: 'detached' });
    const recorded = await withDb(api.databaseUrl, (db) =>
      db.query<{ override_region_id: number; override_reason: string }>(
        'SELECT override_region_id, override_reason FROM placement_proposal WHERE id = $1',
        [movedProposal.id],
      ),
    );
    expect(recorded.rows[0]).toEqual({ override_region_id: northKazakhstan, override_reason: OVERRIDE_REASON });

    // Accept for Pavlodar: the three families that stay there.
    const staying = families.slice(1);
    const stayingPersons = staying.reduce((sum, family) => sum + family.persons, 0);
    await page.getByRole('button', { name: KK.acceptPavlodar, exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: KK.confirm, exact: true }).click();
    const result = page.locator('[data-field=accept-result]');
    await result.waitFor();
    expect(await result.innerText()).toBe(
      `Қабылданды: ${staying.length} отбасы, ${stayingPersons} адам. Өткізілді: 0.`,
    );

    // The board after: reserved up and balance down by the accepted persons, as the API says.
    const after = await boardFigures();
    expect(after).toEqual({
      capacity: before.capacity,
      reserved: before.reserved + stayingPersons,
      balance: before.balance - stayingPersons,
    });
    const apiAfter = await apiQuota();
    expect(after).toEqual({ capacity: apiAfter.capacity, reserved: apiAfter.reserved, balance: apiAfter.balance });

    // The inclusion requests, a request's page and the planned settlements name the case too.
    const caseOf = (n: number) => page.getByTestId('case-family').filter({ hasText: `KND-2026-90000${n}` });
    const named = (n: number) => new RegExp(`^KND-2026-90000${n}\\s+Сәрсенов Ф${n}м0$`);
    await page.goto(`${api.url}/inclusion-requests?filter=${encodeURIComponent('{"status":"included"}')}`);
    for (const n of [1, 2, 3]) expect(await caseOf(n).innerText()).toMatch(named(n));
    await caseOf(1).click();
    expect(await page.getByTestId('inclusion-family').innerText()).toBe('Сәрсенов Ф1м0');
    await page.goto(`${api.url}/settlements`);
    for (const n of [1, 2, 3]) expect(await caseOf(n).innerText()).toMatch(named(n));
  });
});
