import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { addPeriod, todayInKazakhstan } from '@qonys/domain';
import { SMTPServer } from 'smtp-server';
import request from 'supertest';
import { TINY_PDF } from '../fixtures/tiny-files';
import { bearer, createUser, regionIdByCode, scalar, withDb } from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';
import { login, type Session } from '../support/auth';
import { insertApprovedCase, insertCase } from '../support/case-records';
import { includeInQuota } from '../support/inclusion';
import { finished, pollRun } from '../support/job-runs';

/** An e-mail as the test's SMTP server received it, its subject and text decoded. */
interface Received {
  to: string[];
  subject: string;
  text: string;
  headers: string;
}

/** `=?UTF-8?B?…?=` / `=?UTF-8?Q?…?=` words of a header, joined (RFC 2047). */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, encoding: string, data: string) =>
      encoding.toLowerCase() === 'b'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    );
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`);
  return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'));
}

function parseMail(raw: string, to: string[]): Received {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(headers)?.[1] ?? '';
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(body)
        : body;
  return { to, subject: decodeWords(header('Subject')), text, headers };
}

/** Messages to applicants (docs/applicant-messages.md): outbox in the event's transaction, delivery by the job. */
describe('messages to applicants', () => {
  let api: RunningApi;
  let smtp: SMTPServer;
  let sms: Server;
  const mailbox: Received[] = [];
  const texts: { body: { to: string; text: string }; headers: IncomingHttpHeaders }[] = [];
  /** SMTP reply codes the server answers the next RCPT TO with, one each. */
  const refusals: number[] = [];
  const s: Record<string, Session> = {};
  let pavlodarId: number;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        const code = refusals.shift();
        if (code === undefined) return callback();
        callback(Object.assign(new Error(`Refused by the test (${code})`), { responseCode: code }));
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          mailbox.push(
            parseMail(
              Buffer.concat(chunks).toString('utf8'),
              session.envelope.rcptTo.map((r) => r.address),
            ),
          );
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    sms = createServer((req, res) => {
      let data = '';
      req.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      req.on('end', () => {
        texts.push({ body: JSON.parse(data) as { to: string; text: string }, headers: req.headers });
        res.writeHead(202, { 'Content-Type': 'application/json' }).end('{"status":"accepted"}');
      });
    });
    await new Promise<void>((resolve) => sms.listen(0, '127.0.0.1', resolve));

    api = await startApi({
      SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
      MAIL_FROM: 'Qonys <no-reply@qonys.test>',
      SMS_URL: `http://127.0.0.1:${(sms.address() as AddressInfo).port}/send`,
      SMS_TOKEN: 'sms-token-e2e',
    });
    for (const username of [
      'admin',
      'caseworker.pavlodar',
      'official.pavlodar',
      'provider.pavlodar',
      'caseworker.abai',
      'auditor',
    ]) {
      s[username] = await login(api.url, username);
    }
    pavlodarId = await regionIdByCode(api.databaseUrl, '55');
    // Four-eyes on support payments needs a second official of the region.
    const second = await createUser(api.url, s.admin.accessToken, { role: 'regional_official', regionId: pavlodarId });
    s['official2.pavlodar'] = await login(api.url, second.username, second.password);
  });
  afterAll(async () => {
    await api?.stop();
    await new Promise<void>((resolve) => smtp?.close(() => resolve()));
    await new Promise<void>((resolve) => sms?.close(() => resolve()));
  });

  const as = (who: string) => ({
    get: (path: string) => request(api.url).get(path).set(bearer(s[who].accessToken)),
    post: (path: string, body: object = {}) => request(api.url).post(path).set(bearer(s[who].accessToken)).send(body),
  });
  const version = async (id: number) =>
    (await as('caseworker.pavlodar').get(`/api/applications/${id}`).expect(200)).body.version as number;
  const runJob = async () => {
    let created = await as('admin').post('/api/jobs/applicant-messages/runs');
    // The five-minute schedule may have queued a run just now: wait for it, then ask again.
    for (let i = 0; created.status === 409 && i < 100; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      created = await as('admin').post('/api/jobs/applicant-messages/runs');
    }
    expect(created.status).toBe(201);
    const run = await pollRun(api.url, s.admin, created.body.id as string, finished);
    expect(run).toMatchObject({ state: 'completed', error: null });
    return run.result as { sent: number; retrying: number; failed: number; expiringQueued: number };
  };
  const messagesOf = (applicationId: number) =>
    withDb(
      api.databaseUrl,
      async (db) =>
        (
          await db.query<{
            id: number;
            channel: string;
            state: string;
            language: string;
            attempts: number;
            last_error: string | null;
            last_error_params: Record<string, unknown> | null;
            due_later: boolean;
          }>(
            `SELECT id, channel, state, language, attempts, last_error, last_error_params, next_attempt_at > now() AS due_later
               FROM applicant_message WHERE application_id = $1 ORDER BY channel, id`,
            [applicationId],
          )
        ).rows,
    );
  /** A Pavlodar case under review whose applicant has this contact and language. */
  async function caseUnderReview(contact: { email?: string; phone?: string }, language: 'kk' | 'ru') {
    const made = await insertCase(api.databaseUrl, { regionId: pavlodarId, status: 'under_review' });
    await withDb(api.databaseUrl, async (db) => {
      await db.query('UPDATE person SET email = $2, phone = $3 WHERE id = $1', [
        made.personIds[0],
        contact.email ?? null,
        contact.phone ?? null,
      ]);
      await db.query('UPDATE application SET correspondence_language = $2 WHERE id = $1', [made.id, language]);
    });
    return made;
  }
  const requestInformation = async (id: number, status = 200) => {
    const current = await version(id);
    await as('caseworker.pavlodar')
      .post(`/api/applications/${id}/transitions`, {
        to: 'information_requested',
        comment: 'Нужна справка о составе семьи',
        version: current,
      })
      .expect(status);
  };

  it('tells a family in Russian by e-mail and SMS that information is requested, once however often the job runs', async () => {
    const made = await caseUnderReview({ email: 'aigerim.family@example.kz', phone: '+7 701 555 01 01' }, 'ru');
    await requestInformation(made.id);
    // In the outbox with the event, before any delivery.
    expect(await messagesOf(made.id)).toMatchObject([
      { channel: 'email', state: 'queued', language: 'ru' },
      { channel: 'sms', state: 'queued', language: 'ru' },
    ]);

    const result = await runJob();
    expect(result.sent).toBeGreaterThanOrEqual(2);
    const mail = mailbox.filter((m) => m.to.includes('aigerim.family@example.kz'));
    expect(mail).toHaveLength(1);
    expect(mail[0].subject).toBe(`Нужны дополнительные сведения — заявление ${made.number}`);
    expect(mail[0].text).toContain(`Для рассмотрения вашего заявления ${made.number} нужны дополнительные сведения`);
    expect(mail[0].headers).toMatch(/^From: Qonys <no-reply@qonys\.test>$/m);
    // Neither the IIN nor the applicant's name leaves Qonys.
    expect(mail[0].text).not.toContain('Сейітов');
    const text = texts.filter((t) => t.body.to === '+77015550101');
    expect(text).toHaveLength(1);
    expect(text[0].headers.authorization).toBe('Bearer sms-token-e2e');
    expect(text[0].body.text).toContain(made.number);
    expect((await messagesOf(made.id)).map((m) => m.state)).toEqual(['sent', 'sent']);

    await runJob();
    expect(mailbox.filter((m) => m.to.includes('aigerim.family@example.kz'))).toHaveLength(1);
    expect(texts.filter((t) => t.body.to === '+77015550101')).toHaveLength(1);
  });

  it('tells a family in Kazakh that the status is granted when the caseworker approves the case', async () => {
    const made = await caseUnderReview({ email: 'nurlan.family@example.kz' }, 'kk');
    const cw = (method: 'get' | 'post', path: string) =>
      request(api.url)[method](path).set(bearer(s['caseworker.pavlodar'].accessToken));
    const items = (await cw('get', `/api/documents/checklist?applicationId=${made.id}`).expect(200)).body as {
      documentTypeId: number;
      personId: number | null;
      required: boolean;
    }[];
    for (const [index, item] of items.filter((i) => i.required).entries()) {
      let upload = cw('post', '/api/documents')
        .field('applicationId', String(made.id))
        .field('documentTypeId', String(item.documentTypeId));
      if (item.personId !== null) upload = upload.field('personId', String(item.personId));
      const document = (await upload.attach('file', TINY_PDF, `doc-${index}.pdf`).expect(201)).body;
      await cw('post', `/api/documents/${document.id}/review`).send({ status: 'verified', version: 1 }).expect(200);
    }
    const approved = await cw('post', `/api/applications/${made.id}/transitions`)
      .send({ to: 'approved', version: await version(made.id) })
      .expect(200);
    expect(await messagesOf(made.id)).toMatchObject([{ channel: 'email', state: 'queued', language: 'kk' }]);

    await runJob();
    const [mail] = mailbox.filter((m) => m.to.includes('nurlan.family@example.kz'));
    expect(mail.subject).toBe(`Қандас мәртебесі берілді — өтініш ${made.number}`);
    const validTo = (approved.body.statusValidTo as string).split('-').reverse().join('.');
    expect(mail.text).toContain(`Мәртебе ${validTo} күнді қоса алғанда жарамды.`);
  });

  it('tries again after a temporary SMTP refusal (450), and sends it on the next due run', async () => {
    const made = await caseUnderReview({ email: 'retry.family@example.kz' }, 'kk');
    await requestInformation(made.id);
    refusals.push(450);
    const first = await runJob();
    expect(first.retrying).toBe(1);
    const [waiting] = await messagesOf(made.id);
    expect(waiting).toMatchObject({
      state: 'queued',
      attempts: 1,
      last_error: 'applicant_message.smtp_temporary',
      last_error_params: { status: 450 },
      due_later: true,
    });
    expect(mailbox.filter((m) => m.to.includes('retry.family@example.kz'))).toHaveLength(0);

    // A minute later (the first pause) it is due again.
    await withDb(api.databaseUrl, (db) =>
      db.query('UPDATE applicant_message SET next_attempt_at = now() WHERE id = $1', [waiting.id]),
    );
    await runJob();
    expect(await messagesOf(made.id)).toMatchObject([{ state: 'sent', attempts: 2 }]);
    const [mail] = mailbox.filter((m) => m.to.includes('retry.family@example.kz'));
    expect(mail.subject).toBe(`Қосымша мәліметтер қажет — өтініш ${made.number}`);
  });

  it('fails a message the server refuses for good (550) at once; a caseworker sends it again', async () => {
    const made = await caseUnderReview({ email: 'refused.family@example.kz' }, 'ru');
    await requestInformation(made.id);
    refusals.push(550);
    expect((await runJob()).failed).toBe(1);
    const [failed] = await messagesOf(made.id);
    expect(failed).toMatchObject({ state: 'failed', attempts: 1, last_error: 'applicant_message.smtp_permanent' });

    // Another region's caseworker neither sees nor retries it.
    await as('caseworker.abai').post(`/api/applicant-messages/${failed.id}/retry`).expect(404);
    const retried = await as('caseworker.pavlodar').post(`/api/applicant-messages/${failed.id}/retry`).expect(200);
    expect(retried.body).toMatchObject({ state: 'queued', attempts: 0, applicationNumber: made.number });
    await as('caseworker.pavlodar').post(`/api/applicant-messages/${failed.id}/retry`).expect(409);
    await runJob();
    expect(await messagesOf(made.id)).toMatchObject([{ state: 'sent' }]);
  });

  it('writes no message when the event’s transaction fails after queueing it', async () => {
    const made = await caseUnderReview({ email: 'rollback.family@example.kz', phone: '+7 701 555 09 09' }, 'kk');
    // The transition's audit entry, written after the outbox rows, is refused by the database.
    await withDb(api.databaseUrl, (db) =>
      db.query(`
        CREATE FUNCTION e2e_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.entity_id = '${made.id}' AND NEW.action = 'application.transition' THEN
            RAISE EXCEPTION 'refused by the test';
          END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER e2e_refuse_audit BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION e2e_refuse_audit();`),
    );
    try {
      await requestInformation(made.id, 500);
    } finally {
      await withDb(api.databaseUrl, (db) =>
        db.query('DROP TRIGGER e2e_refuse_audit ON audit_event; DROP FUNCTION e2e_refuse_audit()'),
      );
    }
    expect(await messagesOf(made.id)).toEqual([]);
    expect(await scalar<string>(api.databaseUrl, 'SELECT status FROM application WHERE id = $1', [made.id])).toBe(
      'under_review',
    );
  });

  it('tells a family once that its status ends soon, when the extension window opens', async () => {
    const made = await insertApprovedCase(api.databaseUrl, { regionId: pavlodarId });
    const validTo = addPeriod(todayInKazakhstan(), 2, 'months');
    await withDb(api.databaseUrl, async (db) => {
      await db.query('UPDATE application SET status_valid_to = $2 WHERE id = $1', [made.id, validTo]);
      await db.query('UPDATE person SET email = $2 WHERE id = (SELECT applicant_id FROM application WHERE id = $1)', [
        made.id,
        'expiring.family@example.kz',
      ]);
    });
    expect((await runJob()).expiringQueued).toBeGreaterThanOrEqual(1);
    await runJob();
    const mail = mailbox.filter((m) => m.to.includes('expiring.family@example.kz'));
    expect(mail).toHaveLength(1);
    expect(mail[0].subject).toBe(`Қандас мәртебесінің мерзімі аяқталып келеді — өтініш ${made.number}`);
  });

  it('tells a family in Kazakh, naming the service in Kazakh, that a provider accepted its referral', async () => {
    const family = await insertApprovedCase(api.databaseUrl, {
      regionId: pavlodarId,
      family: [{ surname: 'Жолдамов', givenName: 'Ерлан', birthDate: '1984-02-10', sex: 'M' }],
    });
    await withDb(api.databaseUrl, (db) =>
      db.query('UPDATE person SET email = $2 WHERE id = $1', [family.personIds[0], 'referral.family@example.kz']),
    );
    await includeInQuota(
      api.url,
      { caseworker: s['caseworker.pavlodar'], official: s['official.pavlodar'] },
      family.id,
      pavlodarId,
      { arrived: true, adaptationServices: ['information', 'language_course'] },
    );
    const plan = await as('caseworker.pavlodar')
      .post('/api/adaptation-plans', { applicationId: family.id })
      .expect(201);
    const kazakh = await scalar<number>(api.databaseUrl, `SELECT id FROM service_type WHERE code = 'kazakh_language'`);
    const serviceKk = await scalar<string>(api.databaseUrl, 'SELECT name_kk FROM service_type WHERE id = $1', [kazakh]);
    const item = (plan.body.items as { id: number; serviceTypeId: number }[]).find((i) => i.serviceTypeId === kazakh)!;
    const centreId = await scalar<number>(
      api.databaseUrl,
      "SELECT id FROM service_provider WHERE name LIKE 'Павлодар облысының%'",
    );
    const period = todayInKazakhstan().slice(0, 7);
    const referral = await as('caseworker.pavlodar')
      .post('/api/referrals', { planItemId: item.id, providerId: centreId, period, consentToShare: false })
      .expect(201);
    await as('provider.pavlodar')
      .post(`/api/referrals/${referral.body.id}/transitions`, { action: 'accept' })
      .expect(200);
    expect(await messagesOf(family.id)).toMatchObject([{ channel: 'email', state: 'queued', language: 'kk' }]);

    await runJob();
    const [mail] = mailbox.filter((m) => m.to.includes('referral.family@example.kz'));
    expect(mail.subject).toBe(`Қызметке берілген жолдама қабылданды — өтініш ${family.number}`);
    expect(mail.text).toContain(`«${serviceKk}» қызметіне берілген жолдамаңызды қабылдады`);
    expect(mail.text).toContain(`Қызмет көрсету кезеңі: ${period.split('-').reverse().join('.')}.`);
  });

  it('texts a family in Russian that its support payment went to the bank when the register is taken', async () => {
    const family = await insertApprovedCase(api.databaseUrl, {
      regionId: pavlodarId,
      family: [{ surname: 'Төлемов', givenName: 'Асан' }],
    });
    await withDb(api.databaseUrl, async (db) => {
      await db.query('UPDATE person SET phone = $2 WHERE id = $1', [family.personIds[0], '+7 702 555 07 07']);
      await db.query(`UPDATE application SET correspondence_language = 'ru' WHERE id = $1`, [family.id]);
    });
    await includeInQuota(
      api.url,
      { caseworker: s['caseworker.pavlodar'], official: s['official.pavlodar'] },
      family.id,
      pavlodarId,
      { arrived: true },
    );
    const payment = await as('official.pavlodar')
      .post('/api/support-payments', { applicationId: family.id, type: 'relocation', date: '2026-06-15' })
      .expect(201);
    await as('official2.pavlodar')
      .post(`/api/support-payments/${payment.body.id}/approve`, { version: payment.body.version })
      .expect(200);
    expect(await messagesOf(family.id)).toEqual([]);
    await as('official.pavlodar').get(`/api/payment-batches/${payment.body.batchId}/register?format=csv`).expect(200);
    expect(await messagesOf(family.id)).toMatchObject([{ channel: 'sms', state: 'queued', language: 'ru' }]);
    // Taking the register again sends nothing twice.
    await as('official.pavlodar').get(`/api/payment-batches/${payment.body.batchId}/register?format=csv`).expect(200);
    expect(await messagesOf(family.id)).toHaveLength(1);

    await runJob();
    const sent = texts.filter((t) => t.body.to === '+77025550707');
    expect(sent).toHaveLength(1);
    expect(sent[0].body.text).toBe(
      `Qonys: по заявлению ${family.number} выплата (субсидия на переезд) отправлена в банк.`,
    );
  });

  it('forgets the recipient of an erased person and cancels what was still to be sent', async () => {
    const made = await caseUnderReview({ email: 'erased.family@example.kz', phone: '+7 701 555 08 08' }, 'kk');
    await requestInformation(made.id);
    const person = await as('admin').get(`/api/persons/${made.personIds[0]}`).expect(200);
    await as('admin')
      .post(`/api/persons/${made.personIds[0]}/erasure`, { reason: 'subject_request', version: person.body.version })
      .expect(200);
    const rows = await withDb(
      api.databaseUrl,
      async (db) =>
        (
          await db.query<{ state: string; recipient: string | null }>(
            'SELECT state, recipient FROM applicant_message WHERE application_id = $1',
            [made.id],
          )
        ).rows,
    );
    expect(rows).toEqual([
      { state: 'cancelled', recipient: null },
      { state: 'cancelled', recipient: null },
    ]);
    expect(person.body.email).toBe('erased.family@example.kz');
    expect((await as('admin').get(`/api/persons/${made.personIds[0]}`).expect(200)).body.email).toBeNull();
    await runJob();
    expect(mailbox.filter((m) => m.to.includes('erased.family@example.kz'))).toHaveLength(0);
  });

  it('lists a case’s messages to its own region, as a personal-data read, and to no other region', async () => {
    const made = await caseUnderReview({ email: 'list.family@example.kz' }, 'ru');
    await requestInformation(made.id);
    const filter = encodeURIComponent(JSON.stringify({ applicationId: made.id }));
    const own = await as('caseworker.pavlodar').get(`/api/applicant-messages?filter=${filter}`).expect(200);
    expect(own.body).toEqual([
      expect.objectContaining({
        applicationId: made.id,
        kind: 'information_requested',
        channel: 'email',
        recipient: 'list.family@example.kz',
        state: 'queued',
        applicationNumber: made.number,
      }),
    ]);
    expect(own.headers['content-range']).toMatch(/ 0-0\/1$/);
    const other = await as('caseworker.abai').get(`/api/applicant-messages?filter=${filter}`).expect(200);
    expect(other.body).toEqual([]);
    await as('auditor').get(`/api/applicant-messages?filter=${filter}`).expect(200);
    const reads = await scalar<number>(
      api.databaseUrl,
      `SELECT count(*)::int FROM audit_event WHERE action = 'work_list.view' AND entity_type = 'applicant_message'
          AND changes -> 'personIds' -> 'after' @> $1::jsonb`,
      [JSON.stringify([made.personIds[0]])],
    );
    expect(reads).toBe(2);
  });
});

/** Without SMTP_URL and SMS_URL nothing is sent and nothing pretends to be: the messages wait. */
describe('messages to applicants without a configured channel', () => {
  let api: RunningApi;
  const s: Record<string, Session> = {};

  beforeAll(async () => {
    api = await startApi();
    for (const username of ['admin', 'caseworker.pavlodar']) s[username] = await login(api.url, username);
  });
  afterAll(() => api?.stop());

  it('keeps the messages queued and reports them waiting, per channel', async () => {
    const pavlodarId = await regionIdByCode(api.databaseUrl, '55');
    const made = await insertCase(api.databaseUrl, { regionId: pavlodarId, status: 'under_review' });
    await withDb(api.databaseUrl, (db) =>
      db.query('UPDATE person SET email = $2, phone = $3 WHERE id = $1', [
        made.personIds[0],
        'waiting.family@example.kz',
        '+7 701 555 06 06',
      ]),
    );
    const detail = await request(api.url)
      .get(`/api/applications/${made.id}`)
      .set(bearer(s['caseworker.pavlodar'].accessToken))
      .expect(200);
    await request(api.url)
      .post(`/api/applications/${made.id}/transitions`)
      .set(bearer(s['caseworker.pavlodar'].accessToken))
      .send({ to: 'information_requested', comment: 'Анықтама қажет', version: detail.body.version })
      .expect(200);

    const created = await request(api.url)
      .post('/api/jobs/applicant-messages/runs')
      .set(bearer(s.admin.accessToken))
      .send({})
      .expect(201);
    const run = await pollRun(api.url, s.admin, created.body.id as string, finished);
    expect(run).toMatchObject({ state: 'completed', result: { sent: 0, waiting: { email: 1, sms: 1 } } });
    const states = await withDb(
      api.databaseUrl,
      async (db) =>
        (
          await db.query<{ state: string; attempts: number }>(
            'SELECT state, attempts FROM applicant_message WHERE application_id = $1',
            [made.id],
          )
        ).rows,
    );
    expect(states).toEqual([
      { state: 'queued', attempts: 0 },
      { state: 'queued', attempts: 0 },
    ]);
  });
});
