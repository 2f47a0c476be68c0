import { createHash } from 'node:crypto';
import request from 'supertest';
import { bearer, scalar, withDb } from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';
import { login, type Session } from '../support/auth';
import { pollRun, finished } from '../support/job-runs';

/** Collects a binary response body as a Buffer, so the served bytes are hashed as they came. */
const binary = (res: request.Response, done: (error: Error | null, body: Buffer) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Every dataset and its CSV columns (docs/open-statistics.md). */
const COLUMNS: Record<string, string[]> = {
  'status-granted': ['year', 'region_code', 'persons', 'status'],
  arrivals: ['month', 'region_code', 'persons', 'status'],
  applications: ['year', 'application_status', 'applications', 'status'],
  'processing-days': ['year', 'decisions', 'median_days', 'status'],
  'origin-countries': ['year', 'country_code', 'persons', 'status'],
  'age-sex': ['year', 'age_group', 'sex', 'persons', 'status'],
  quota: ['year', 'region_code', 'measure', 'value', 'status'],
  services: ['year', 'service_type', 'outcome', 'referrals', 'status'],
};

const TITLES = {
  en: 'Persons granted kandas status by region and year',
  ru: 'Лица, получившие статус кандаса, по регионам и годам',
  kk: 'Қандас мәртебесі берілген адамдар, өңірлер мен жылдар бойынша',
};

interface Listed {
  id: string;
  title: string;
  release: number;
  sha256: string;
  releaseSha256: string;
  downloads: { csv: string; jsonstat: string; schema: string };
}

describe('open statistics', () => {
  let api: RunningApi;
  let admin: Session;
  const get = (path: string) => request(api.url).get(path).buffer(true).parse(binary);

  beforeAll(async () => {
    // Generated families, so every dataset has figures and small counts to suppress;
    // the demo start publishes release 1 once they are loaded.
    api = await startApi({
      DEMO_FAMILIES: '300',
      DEMO_SEED: '11',
      DEMO_TODAY: '2026-11-20',
      PUBLIC_RATE_LIMIT_PER_MINUTE: '5000',
    });
    admin = await login(api.url, 'admin');
    // The demo families have no referrals: a few open ones to the providers of their
    // regions, then release 2 with them through the admin's "publish a release".
    const referred = await scalar(
      api.databaseUrl,
      `WITH cases AS (
         SELECT a.id, sp.region_id, ps.id AS ps_id, ps.provider_id, ps.service_type_id
           FROM application a
           CROSS JOIN LATERAL (SELECT * FROM provider_service ORDER BY id LIMIT 1) ps
           JOIN service_provider sp ON sp.id = ps.provider_id
          WHERE a.status = 'approved' AND NOT EXISTS (SELECT 1 FROM adaptation_plan p WHERE p.application_id = a.id)
          ORDER BY a.id LIMIT 40),
       plans AS (INSERT INTO adaptation_plan (application_id, region_id) SELECT id, region_id FROM cases RETURNING id, application_id),
       items AS (INSERT INTO adaptation_plan_item (plan_id, service_type_id)
                 SELECT p.id, c.service_type_id FROM plans p JOIN cases c ON c.id = p.application_id RETURNING id, plan_id),
       referrals AS (INSERT INTO referral (plan_item_id, application_id, region_id, provider_id, provider_service_id, period,
                                           consent_to_share, due_date)
                     SELECT i.id, c.id, c.region_id, c.provider_id, c.ps_id, date_trunc('month', now())::date, true, now()::date + 7
                       FROM items i JOIN plans p ON p.id = i.plan_id JOIN cases c ON c.id = p.application_id RETURNING id)
       SELECT count(*)::int FROM referrals`,
    );
    expect(referred).toBeGreaterThan(0);
    const queued = await request(api.url)
      .post('/api/statistics-releases')
      .set(bearer(admin.accessToken))
      .send({})
      .expect(202);
    expect(await pollRun(api.url, admin, queued.body.id, finished)).toMatchObject({
      state: 'completed',
      result: { number: 2 },
    });
  }, 180_000);
  afterAll(async () => {
    await api?.stop();
  });

  const list = async (query = ''): Promise<Listed[]> =>
    (await request(api.url).get(`/api/public/statistics${query}`).expect(200)).body as Listed[];

  describe('GET /api/public/statistics', () => {
    it('lists every dataset of the latest release without a login, titled in English by default', async () => {
      const datasets = await list();
      expect(datasets.map((d) => d.id)).toEqual(Object.keys(COLUMNS));
      expect(datasets[0]).toMatchObject({
        id: 'status-granted',
        title: TITLES.en,
        release: 2,
        downloads: {
          csv: '/api/public/statistics/status-granted.csv',
          jsonstat: '/api/public/statistics/status-granted.json',
        },
      });
      expect(datasets[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    });

    it('titles in ?lang= or the Accept-Language', async () => {
      expect((await list('?lang=ru'))[0].title).toBe(TITLES.ru);
      const kk = await request(api.url)
        .get('/api/public/statistics')
        .set('Accept-Language', 'kk-KZ, ru;q=0.5')
        .expect(200);
      expect(kk.body[0].title).toBe(TITLES.kk);
    });

    it('is cached and rate-limited', async () => {
      const response = await request(api.url).get('/api/public/statistics').expect(200);
      expect(response.headers['cache-control']).toMatch(/^public, max-age=\d+/);
      expect(response.headers['x-ratelimit-limit']).toBe('5000');
      expect(Number(response.headers['x-ratelimit-remaining'])).toBeGreaterThan(0);
    });
  });

  describe('the files of a release', () => {
    it.each(Object.entries(COLUMNS))(
      '%s: CSV with BOM and its columns, suppressed cells empty with c, no count 1 to 4',
      async (id, columns) => {
        const listed = (await list()).find((d) => d.id === id)!;
        const csv = await get(listed.downloads.csv).expect(200);
        expect(csv.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
        const bytes = csv.body as Buffer;
        expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
        expect(sha256(bytes)).toBe(listed.sha256);
        const [header, ...rows] = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
        expect(header).toBe(columns.join(','));
        expect(rows.length).toBeGreaterThan(0);
        const figure = columns.length - 2;
        for (const row of rows.map((line) => line.split(','))) {
          expect(row).toHaveLength(columns.length);
          const status = row[columns.length - 1];
          expect(['', 'c']).toContain(status);
          if (status === 'c') expect(row[figure === 2 && id === 'processing-days' ? 1 : figure]).toBe('');
          // The quota's capacity is a legal act's figure, published whole.
          const count = id === 'processing-days' ? row[1] : row[figure];
          if (status === '' && !(id === 'quota' && row[2] === 'capacity')) {
            expect(Number(count) === 0 || Number(count) >= 5).toBe(true);
          }
        }
        if (['status-granted', 'arrivals', 'quota'].includes(id))
          expect(rows.some((r) => r.split(',')[1] === 'TOTAL')).toBe(true);
      },
    );

    it('status-granted suppresses some cells (the demo has small regions)', async () => {
      const text = (await get('/api/public/statistics/status-granted.csv').expect(200)).body.toString('utf8');
      expect(text).toMatch(/\r\n\d{4},\d{2},,c\r\n/);
    });

    it.each(Object.keys(COLUMNS))('%s: JSON-stat 2.0 dataset with status c where the value is null', async (id) => {
      const listed = (await list()).find((d) => d.id === id)!;
      const response = await get(listed.downloads.jsonstat).expect(200);
      const json = JSON.parse(response.body.toString('utf8'));
      expect(json).toMatchObject({ version: '2.0', class: 'dataset' });
      expect(json.id).toEqual(
        expect.arrayContaining(
          COLUMNS[id].filter(
            (c) => !['status', 'persons', 'applications', 'decisions', 'median_days', 'value', 'referrals'].includes(c),
          ),
        ),
      );
      expect(json.value).toHaveLength(json.size.reduce((a: number, b: number) => a * b, 1));
      for (const dim of json.id)
        expect(json.dimension[dim].category.index).toHaveLength(json.size[json.id.indexOf(dim)]);
      json.value.forEach((value: number | null, i: number) => {
        expect(value === null).toBe(json.status[String(i)] === 'c');
      });
      const schema = JSON.parse(
        (await get(`/api/public/statistics/${id}.schema.json`).expect(200)).body.toString('utf8'),
      );
      expect(schema.fields.map((f: { name: string }) => f.name)).toEqual(COLUMNS[id]);
    });

    it('serves the stored bytes with a strong ETag, and 304 when it matches', async () => {
      const first = await get('/api/public/statistics/arrivals.csv').expect(200);
      const etag = first.headers.etag;
      expect(etag).toBe(`"${sha256(first.body as Buffer)}"`);
      expect(first.headers['cache-control']).toMatch(/^public, max-age=\d+/);
      await request(api.url).get('/api/public/statistics/arrivals.csv').set('If-None-Match', etag).expect(304);
      const again = await get('/api/public/statistics/arrivals.csv').expect(200);
      expect(Buffer.compare(first.body as Buffer, again.body as Buffer)).toBe(0);
    });

    it('lists every file in SHA256SUMS, whose SHA-256 is the release’s and the audit entry’s', async () => {
      const [listed] = await list();
      const manifest = (await get('/api/public/statistics/SHA256SUMS').expect(200)).body as Buffer;
      expect(sha256(manifest)).toBe(listed.releaseSha256);
      const lines = manifest.toString('utf8').trimEnd().split('\n');
      expect(lines).toHaveLength(Object.keys(COLUMNS).length * 3);
      expect(lines).toContain(`${listed.sha256}  status-granted.csv`);
      const audited = await scalar<string>(
        api.databaseUrl,
        `SELECT changes -> 'sha256' ->> 'after' FROM audit_event
          WHERE action = 'statistics_release.publish' AND entity_type = 'statistics_release' AND entity_id = '2'`,
      );
      expect(audited).toBe(listed.releaseSha256);
      // The entry is a link of the chain like any other: the chain still verifies.
      const verified = await request(api.url)
        .get('/api/audit-events/verify')
        .set(bearer(admin.accessToken))
        .expect(200);
      expect(verified.body.valid).toBe(true);
    });

    it('answers 404 for an unknown dataset or release, 400 for a bad release number', async () => {
      await request(api.url).get('/api/public/statistics/persons.csv').expect(404);
      await request(api.url).get('/api/public/statistics/status-granted.xlsx').expect(404);
      await request(api.url).get('/api/public/statistics/status-granted.csv?release=999').expect(404);
      await request(api.url).get('/api/public/statistics?release=999').expect(404);
      const bad = await request(api.url).get('/api/public/statistics?release=one').expect(400);
      expect(bad.body.errors).toHaveProperty('release');
    });
  });

  describe('releases are immutable', () => {
    it('refuses UPDATE and DELETE by the application’s own role', async () => {
      await withDb(api.appDatabaseUrl, async (db) => {
        await expect(db.query(`UPDATE statistics_release SET note = 'changed' WHERE number = 1`)).rejects.toThrow();
        await expect(db.query(`UPDATE statistics_release_file SET sha256 = repeat('0', 64)`)).rejects.toThrow();
        await expect(db.query('DELETE FROM statistics_release_file')).rejects.toThrow();
        await expect(db.query('DELETE FROM statistics_release')).rejects.toThrow();
      });
      // Even the owner, who may, is stopped by the trigger.
      await withDb(api.databaseUrl, async (db) => {
        await expect(db.query(`UPDATE statistics_release SET note = 'changed'`)).rejects.toThrow(/append-only/);
      });
    });

    it('publishes a correction as the next release and leaves the earlier files byte-identical', async () => {
      const before = (await get('/api/public/statistics/services.csv?release=1').expect(200)).body as Buffer;
      const queued = await request(api.url)
        .post('/api/statistics-releases')
        .set(bearer(admin.accessToken))
        .send({ note: 'Correction: a late decision', correctsReleaseNumber: 1 })
        .expect(202);
      const run = await pollRun(api.url, admin, queued.body.id, finished);
      expect(run).toMatchObject({ state: 'completed', result: { number: 3 } });

      const after = (await get('/api/public/statistics/services.csv?release=1').expect(200)).body as Buffer;
      expect(Buffer.compare(before, after)).toBe(0);
      const pinned = await get('/api/public/statistics/services.csv?release=1').expect(200);
      expect(pinned.headers['cache-control']).toContain('immutable');
      expect((await list()).every((d) => d.release === 3)).toBe(true);
      expect((await list('?release=1')).every((d) => d.release === 1)).toBe(true);

      const releases = await request(api.url)
        .get('/api/statistics-releases')
        .set(bearer(admin.accessToken))
        .expect(200);
      expect(releases.body.map((r: { number: number }) => r.number)).toEqual([3, 2, 1]);
      expect(releases.body[0]).toMatchObject({
        note: 'Correction: a late decision',
        correctsReleaseNumber: 1,
        publishedBy: admin.user.id,
      });
      expect(releases.body[0].files).toHaveLength(Object.keys(COLUMNS).length * 3);
    });

    it('checks what an admin asks for, and lets only admins ask', async () => {
      const long = await request(api.url)
        .post('/api/statistics-releases')
        .set(bearer(admin.accessToken))
        .send({ note: 'x'.repeat(1001) })
        .expect(400);
      expect(long.body.errors).toHaveProperty('note');
      const unknown = await request(api.url)
        .post('/api/statistics-releases')
        .set(bearer(admin.accessToken))
        .send({ correctsReleaseNumber: 77 })
        .expect(400);
      expect(unknown.body.errors.correctsReleaseNumber).toMatch(/77/);
      const auditor = await login(api.url, 'auditor');
      await request(api.url).get('/api/statistics-releases').set(bearer(auditor.accessToken)).expect(200);
      await request(api.url).post('/api/statistics-releases').set(bearer(auditor.accessToken)).send({}).expect(403);
    });
  });

  describe('the job statistics-release', () => {
    it('is listed monthly and runs on demand through POST /api/jobs/statistics-release/runs', async () => {
      const jobs = await request(api.url).get('/api/jobs').set(bearer(admin.accessToken)).expect(200);
      expect(jobs.body).toContainEqual(expect.objectContaining({ name: 'statistics-release', schedule: '0 1 1 * *' }));
      await request(api.url)
        .post('/api/jobs/statistics-release/runs')
        .set(bearer(admin.accessToken))
        .send({ params: { note: 7 } })
        .expect(400);
      const queued = await request(api.url)
        .post('/api/jobs/statistics-release/runs')
        .set(bearer(admin.accessToken))
        .send({ params: { note: 'Monthly, early' } })
        .expect(201);
      const run = await pollRun(api.url, admin, queued.body.id, finished);
      expect(run).toMatchObject({ state: 'completed', result: { number: 4 } });
      expect(await scalar<string>(api.databaseUrl, 'SELECT note FROM statistics_release WHERE number = 4')).toBe(
        'Monthly, early',
      );
    });
  });

  describe('the page /statistics', () => {
    it.each(Object.entries(TITLES))('in %s: the dataset titles in that language, no script', async (lang, title) => {
      const page = await request(api.url).get(`/statistics?lang=${lang}`).expect(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.text).toContain(`<html lang="${lang}">`);
      expect(page.text).toContain(title);
      expect(page.text).not.toMatch(/<script/i);
      expect(page.text).toContain('sha256sum -c SHA256SUMS');
      expect(page.text).toContain(
        await scalar<string>(api.databaseUrl, 'SELECT sha256 FROM statistics_release ORDER BY number DESC LIMIT 1'),
      );
    });

    it('prints the latest signed audit-chain checkpoint', async () => {
      const checkpoint = await request(api.url)
        .post('/api/audit-events/checkpoints')
        .set(bearer(admin.accessToken))
        .expect(201);
      const page = await request(api.url).get('/statistics?lang=en').expect(200);
      const row = await withDb(
        api.databaseUrl,
        async (db) =>
          (await db.query('SELECT id::text, last_hash FROM audit_checkpoint WHERE id = $1', [checkpoint.body.id]))
            .rows[0],
      );
      expect(page.text).toContain('Latest audit-chain checkpoint');
      expect(page.text).toContain(`<dd>${row.id}</dd>`);
      expect(page.text).toContain(row.last_hash);
    });

    it('defaults to the Accept-Language, then Kazakh, and needs no login', async () => {
      expect((await request(api.url).get('/statistics').set('Accept-Language', 'ru-RU').expect(200)).text).toContain(
        '<html lang="ru">',
      );
      expect((await request(api.url).get('/statistics').expect(200)).text).toContain('<html lang="kk">');
    });

    it('shows a past release with its own links', async () => {
      const page = await request(api.url).get('/statistics?lang=en&release=1').expect(200);
      expect(page.text).toContain('/api/public/statistics/status-granted.csv?release=1');
      expect((await request(api.url).get('/statistics?lang=en&release=404').expect(404)).text).toContain(
        'There is no release with this number.',
      );
      await request(api.url).get('/statistics?release=x').expect(404);
    });
  });
});

describe('open statistics before the first release', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('lists no dataset and the page says there is no release yet', async () => {
    expect((await request(api.url).get('/api/public/statistics').expect(200)).body).toEqual([]);
    await request(api.url).get('/api/public/statistics/status-granted.csv').expect(404);
    const page = await request(api.url).get('/statistics?lang=en').expect(200);
    expect(page.text).toContain('No release has been published yet.');
  });
});
