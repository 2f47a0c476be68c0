import request from 'supertest';
import { bearer, regionIdByCode, scalar } from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';
import { login, type Session } from '../support/auth';
import { PERSON_FILE_HEADER, personLine, personRow, personsCsv } from '../factories/person-import-file';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const HEARTBEAT_TIMEOUT_SECONDS = 3;

interface RunView {
  id: string;
  state: string;
  attempts: number;
  progress: { rowsRead: number; rowsValid: number; rowsWritten: number };
  report: {
    inserted: number | null;
    updated: number | null;
    unchanged: number | null;
    errors: { row: number; field: string; message: { code: string; params: Record<string, unknown> } }[];
  };
  error: { code: string } | null;
}

function upload(
  api: RunningApi,
  session: Session,
  {
    kind = 'persons',
    mode = 'upsert',
    content,
    name = 'persons.csv',
    regionCode,
  }: {
    kind?: string;
    mode?: string;
    content: string | Buffer;
    name?: string;
    regionCode?: string;
  },
) {
  const req = request(api.url)
    .post('/api/imports')
    .set(bearer(session.accessToken))
    .field('kind', kind)
    .field('mode', mode);
  if (regionCode) void req.field('regionCode', regionCode);
  return req.attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content), name);
}

/** Polls the run until it has ended. */
async function ended(api: RunningApi, session: Session, id: string, timeoutMs = 60_000): Promise<RunView> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await request(api.url).get(`/api/imports/${id}`).set(bearer(session.accessToken)).expect(200);
    const run = res.body as RunView;
    if (run.state === 'completed' || run.state === 'failed') return run;
    if (Date.now() > until) throw new Error(`run ${id} still ${run.state}:\n${api.output().slice(-2000)}`);
    await sleep(200);
  }
}

const importedCount = (api: RunningApi, prefix: string) =>
  scalar<number>(api.databaseUrl, `SELECT count(*)::int FROM person WHERE id_document_number LIKE $1`, [`${prefix}%`]);

describe('bulk imports (POST /api/imports)', () => {
  let api: RunningApi;
  let admin: Session;
  let caseworker: Session;
  let pavlodar: number;
  const big = personsCsv(100_000);

  beforeAll(async () => {
    api = await startApi({ JOB_HEARTBEAT_TIMEOUT_SECONDS: String(HEARTBEAT_TIMEOUT_SECONDS) });
    [admin, caseworker] = await Promise.all([login(api.url, 'admin'), login(api.url, 'caseworker.pavlodar')]);
    pavlodar = await regionIdByCode(api.databaseUrl, '55');
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('imports 100,000 persons into the caseworker’s region, then finds the same file all unchanged', async () => {
    const started = await upload(api, caseworker, { content: big }).expect(202);
    expect(started.body).toMatchObject({ kind: 'persons', mode: 'upsert', state: 'queued', regionId: pavlodar });
    const run = await ended(api, caseworker, started.body.id, 120_000);
    expect(run).toMatchObject({
      state: 'completed',
      progress: { rowsRead: 100_000, rowsValid: 100_000, rowsWritten: 100_000 },
      report: { inserted: 100_000, updated: 0, unchanged: 0, errors: [] },
    });
    expect(await importedCount(api, 'N')).toBe(100_000);
    expect(
      await scalar<number>(
        api.databaseUrl,
        'SELECT count(*)::int FROM person WHERE region_id <> $1 AND id_document_number LIKE $2',
        [pavlodar, 'N%'],
      ),
    ).toBe(0);
    expect(
      await scalar<number>(
        api.databaseUrl,
        "SELECT count(*)::int FROM audit_event WHERE action = 'import_run.complete' AND entity_id = $1",
        [run.id],
      ),
    ).toBe(1);

    const again = await upload(api, caseworker, { content: big }).expect(202);
    expect(await ended(api, caseworker, again.body.id, 120_000)).toMatchObject({
      state: 'completed',
      report: { inserted: 0, updated: 0, unchanged: 100_000, errors: [] },
    });
    expect(
      await scalar<number>(api.databaseUrl, 'SELECT max(version)::int FROM person WHERE id_document_number LIKE $1', [
        'N%',
      ]),
    ).toBe(1);
  }, 150_000);

  it('stores the same derived columns as POST /api/persons (Latin names, search and document keys)', async () => {
    const row = personRow(7);
    const created = await request(api.url)
      .post('/api/persons')
      .set(bearer(caseworker.accessToken))
      .send({
        surname: row.surname,
        givenName: row.givenName,
        patronymic: row.patronymic,
        birthDate: '1990-01-01',
        sex: row.sex,
        idDocumentNumber: 'x-7',
      })
      .expect(201);
    const derived = (where: string, value: unknown) =>
      scalar<string>(
        api.databaseUrl,
        `SELECT concat_ws('|', surname_latin, given_name_latin, patronymic_latin, search_key, ethnicity, languages::text, other_spellings::text) FROM person WHERE ${where} = $1`,
        [value],
      );
    expect(await derived('iin', row.iin)).toBe(await derived('id', created.body.id));
    expect(await scalar(api.databaseUrl, 'SELECT document_key FROM person WHERE iin = $1', [row.iin])).toBe(
      row.documentNumber,
    );
  });

  it('updates only the rows that changed, and a dry run writes nothing', async () => {
    const lines = [
      PERSON_FILE_HEADER,
      personLine({ ...personRow(3), surname: 'Жаңаов' }),
      personLine(personRow(4)),
      personLine(personRow(0, 1)),
    ];
    const dry = await upload(api, caseworker, { mode: 'dry-run', content: lines.join('\n') }).expect(202);
    expect(await ended(api, caseworker, dry.body.id)).toMatchObject({
      state: 'completed',
      progress: { rowsWritten: 0 },
      report: { inserted: 1, updated: 1, unchanged: 1 },
    });
    expect(await scalar(api.databaseUrl, 'SELECT surname FROM person WHERE iin = $1', [personRow(3).iin])).toBe(
      personRow(3).surname,
    );
    expect(await importedCount(api, personRow(0, 1).documentNumber)).toBe(0);

    const real = await upload(api, caseworker, { content: lines.join('\n') }).expect(202);
    expect(await ended(api, caseworker, real.body.id)).toMatchObject({
      report: { inserted: 1, updated: 1, unchanged: 1 },
    });
    expect(
      await scalar(api.databaseUrl, 'SELECT surname || version FROM person WHERE iin = $1', [personRow(3).iin]),
    ).toBe('Жаңаов2');
  });

  it('refuses another region’s rows by row and field, writing none of the file', async () => {
    const other = await scalar<string>(
      api.databaseUrl,
      "SELECT code FROM region WHERE code <> '55' ORDER BY code LIMIT 1",
    );
    const csv = [
      `${PERSON_FILE_HEADER},region_code`,
      `${personLine(personRow(1, 2))},55`,
      `${personLine(personRow(2, 2))},${other}`,
    ].join('\n');
    const started = await upload(api, caseworker, { content: csv }).expect(202);
    const run = await ended(api, caseworker, started.body.id);
    expect(run).toMatchObject({ state: 'failed', error: { code: 'imports.rows_invalid' } });
    expect(run.report.errors).toEqual([
      { row: 3, field: 'region_code', message: { code: 'import.not_your_region', params: { value: other } } },
    ]);
    expect(await importedCount(api, 'N02')).toBe(0);

    // Another region's caseworker does not see the run; an admin does.
    const abai = await login(api.url, 'caseworker.abai');
    await request(api.url).get(`/api/imports/${run.id}`).set(bearer(abai.accessToken)).expect(404);
    const listed = await request(api.url).get('/api/imports').set(bearer(abai.accessToken)).expect(200);
    expect(listed.body.map((r: RunView) => r.id)).not.toContain(run.id);
    await request(api.url).get(`/api/imports/${run.id}`).set(bearer(admin.accessToken)).expect(200);
  });

  it('answers a bad file with a coded 400 and queues nothing', async () => {
    const runs = await scalar<number>(api.databaseUrl, 'SELECT count(*)::int FROM import_run');
    const wrongHeader = await upload(api, caseworker, { content: 'name,birthday\nАсқар,1990-01-01\n' }).expect(400);
    expect(wrongHeader.body.errorCodes?.file ?? wrongHeader.body.errors?.file).toBeDefined();
    expect(JSON.stringify(wrongHeader.body)).toContain('import.header');
    const badKind = await upload(api, caseworker, { kind: 'pensions', content: big.slice(0, 500) }).expect(400);
    expect(JSON.stringify(badKind.body)).toContain('validation.is_in');
    const zip = await upload(api, caseworker, {
      content: Buffer.from('PK\u0003\u0004 not a workbook'),
      name: 'persons.xlsx',
    }).expect(400);
    expect(JSON.stringify(zip.body)).toContain('import.not_xlsx');
    // Labour demand is not a caseworker's to write, whatever the file.
    await upload(api, caseworker, { kind: 'labour-demand', content: 'year,region_code,occupation,vacancies\n' }).expect(
      403,
    );
    expect(await scalar<number>(api.databaseUrl, 'SELECT count(*)::int FROM import_run')).toBe(runs);
  });

  it('gives the rows with errors in Russian in errors.csv, and templates in each language', async () => {
    const good = personRow(5, 3);
    const badIin = {
      ...personRow(6, 3),
      iin: `${personRow(6, 3).iin.slice(0, 11)}${(Number(personRow(6, 3).iin[11]) + 1) % 10}`,
    };
    const csv = [
      'фамилия,имя,отчество,дата рождения,пол,иин,гражданство,номер документа',
      personLine(good),
      personLine(badIin),
      personLine(good),
    ].join('\n');
    const started = await upload(api, caseworker, { content: csv }).expect(202);
    const run = await ended(api, caseworker, started.body.id);
    expect(run.report.errors.map((e) => [e.row, e.field, e.message.code])).toEqual([
      [3, 'iin', 'iin.check_digit'],
      [4, 'iin', 'import.repeats_person'],
    ]);
    const file = await request(api.url)
      .get(`/api/imports/${run.id}/errors.csv`)
      .set(bearer(caseworker.accessToken))
      .set('Accept-Language', 'ru-RU,ru;q=0.9')
      .expect(200);
    expect(file.headers['content-type']).toContain('text/csv');
    const lines = file.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('фамилия,имя,отчество,дата рождения,пол,иин,гражданство,номер документа,ошибка');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(badIin.iin);
    expect(lines[1]).toContain('iin: Контрольная цифра ИИН не совпадает');
    expect(lines[2]).toContain('Повторяет строку 2');
    expect(
      await scalar<number>(
        api.databaseUrl,
        "SELECT count(*)::int FROM audit_event WHERE action = 'import_run.errors_download' AND entity_id = $1",
        [run.id],
      ),
    ).toBe(1);

    const kk = await request(api.url)
      .get('/api/imports/templates/persons?locale=kk')
      .set(bearer(caseworker.accessToken))
      .expect(200);
    expect(kk.text.replace(/^\uFEFF/, '').trim()).toBe(
      'тегі,аты,әкесінің аты,туған күні,жынысы,жсн,азаматтығы,құжат нөмірі,өңір коды',
    );
    await request(api.url).get('/api/imports/templates/pensions').set(bearer(caseworker.accessToken)).expect(404);
  });

  it('imports labour demand through the same runs, with its own checks', async () => {
    const csv = 'год,код региона,профессия,вакансии\n2032,55,Teacher,12\n2032,55,Driver,many\n';
    const bad = await upload(api, admin, { kind: 'labour-demand', content: csv, name: 'demand.csv' }).expect(202);
    expect((await ended(api, admin, bad.body.id)).report.errors).toMatchObject([{ row: 3, field: 'vacancies' }]);
    const good = await upload(api, admin, {
      kind: 'labour-demand',
      content: csv.split('\n').slice(0, 2).join('\n'),
      name: 'demand.csv',
    }).expect(202);
    expect(await ended(api, admin, good.body.id)).toMatchObject({
      state: 'completed',
      report: { inserted: 1, updated: 0, unchanged: 0 },
    });
  });
});

describe('a persons import whose server is killed mid-import', () => {
  let first: RunningApi;
  let second: RunningApi | undefined;

  beforeAll(async () => {
    first = await startApi({ JOB_HEARTBEAT_TIMEOUT_SECONDS: String(HEARTBEAT_TIMEOUT_SECONDS) });
  });
  afterAll(async () => {
    await second?.stop();
    await first?.stop();
  });

  it('leaves no partial rows, and the run completes once after a restart', async () => {
    let caseworker = await login(first.url, 'caseworker.pavlodar');
    const started = await upload(first, caseworker, { content: personsCsv(100_000, 4) }).expect(202);
    for (let i = 0; i < 300; i++) {
      const run = (await request(first.url).get(`/api/imports/${started.body.id}`).set(bearer(caseworker.accessToken)))
        .body as RunView;
      if (run.state === 'running') break;
      await sleep(20);
    }
    await sleep(300);
    await first.kill();
    expect(await importedCount(first, 'N04')).toBe(0);
    expect(await scalar(first.databaseUrl, 'SELECT state FROM import_run WHERE id = $1', [started.body.id])).toBe(
      'running',
    );

    // The same database and file store, as a restarted server has.
    second = await startApi(
      { JOB_HEARTBEAT_TIMEOUT_SECONDS: String(HEARTBEAT_TIMEOUT_SECONDS), DATA_DIR: first.dataDir },
      first.databaseUrl,
    );
    caseworker = await login(second.url, 'caseworker.pavlodar');
    const run = await ended(second, caseworker, started.body.id, 120_000);
    expect(run).toMatchObject({
      state: 'completed',
      error: null,
      report: { inserted: 100_000, updated: 0, unchanged: 0 },
    });
    expect(run.attempts).toBeGreaterThanOrEqual(2);
    expect(await importedCount(second, 'N04')).toBe(100_000);
  }, 150_000);
});
