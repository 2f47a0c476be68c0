import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { TINY_PDF } from '../fixtures/tiny-files';
import { bearer, regionIdByCode, scalar, withDb } from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';
import { login } from '../support/auth';
import { insertApprovedCase, insertCase } from '../support/case-records';

const PUBLIC_BASE_URL = 'https://qonys.example.kz';
const RATE_LIMIT = 45;

/** Collects a binary response body as a Buffer (supertest's parser hook gets the raw response stream). */
const binary = (res: request.Response, done: (error: Error | null, body: Buffer) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

const FAMILY = [
  { surname: 'Сейітов', givenName: 'Нұрлан', patronymic: 'Бекұлы', birthDate: '1984-06-15' },
  { surname: 'Сейітова', givenName: 'Әсел', birthDate: '1987-02-01', sex: 'F' as const, relation: 'spouse' as const },
  { surname: 'Сейітов', givenName: 'Ерғали', birthDate: '2012-09-30', relation: 'child' as const },
];

describe('certificates and decisions on paper', () => {
  let api: RunningApi;
  let dataDir: string;
  const tokens: Record<string, string> = {};
  let pavlodar: number;
  let abai: number;
  /** Public requests sent so far; the rate limit counts them per route. */
  let publicJson = 0;
  let publicPage = 0;

  const pdf = (path: string, token: string) => request(api.url).get(path).set(bearer(token)).buffer(true).parse(binary);
  const checkJson = (number: string) => {
    publicJson++;
    return request(api.url).get(`/api/public/certificates/${encodeURIComponent(number)}`);
  };
  const checkPage = (number: string) => {
    publicPage++;
    return request(api.url).get(`/verify/${encodeURIComponent(number)}`);
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'qonys-certificates-'));
    api = await startApi({ DATA_DIR: dataDir, PUBLIC_BASE_URL, PUBLIC_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT) });
    for (const username of ['admin', 'auditor', 'caseworker.pavlodar', 'official.pavlodar', 'caseworker.abai']) {
      tokens[username] = (await login(api.url, username)).accessToken;
    }
    pavlodar = await regionIdByCode(api.databaseUrl, '55');
    abai = await regionIdByCode(api.databaseUrl, '10');
  });
  afterAll(async () => {
    await api?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('the real path', () => {
    it('documents uploaded and verified → approval → certificate → public check says valid, then revoked', async () => {
      const token = tokens['caseworker.pavlodar'];
      const { id } = await insertCase(api.databaseUrl, { regionId: pavlodar, status: 'under_review', family: FAMILY });
      const as = (method: 'get' | 'post', path: string) => request(api.url)[method](path).set(bearer(token));
      const version = async () => (await as('get', `/api/applications/${id}`).expect(200)).body.version as number;

      const items = (await as('get', `/api/documents/checklist?applicationId=${id}`).expect(200)).body as {
        documentTypeId: number;
        personId: number | null;
        required: boolean;
      }[];
      const required = items.filter((item) => item.required);
      expect(required.length).toBe(3 + 2 * FAMILY.length); // form, autobiography, proof + identity and translation per member
      for (const [index, item] of required.entries()) {
        let upload = as('post', '/api/documents')
          .field('applicationId', String(id))
          .field('documentTypeId', String(item.documentTypeId));
        if (item.personId !== null) upload = upload.field('personId', String(item.personId));
        const document = (await upload.attach('file', TINY_PDF, `doc-${index}.pdf`).expect(201)).body;
        if (index === required.length - 1) {
          // One document still awaits review: approval is refused.
          const refused = await as('post', `/api/applications/${id}/transitions`)
            .send({ to: 'approved', version: await version() })
            .expect(400);
          expect(refused.body.errors.checklist).toContain(':');
        }
        await as('post', `/api/documents/${document.id}/review`).send({ status: 'verified', version: 1 }).expect(200);
      }

      const approved = await as('post', `/api/applications/${id}/transitions`)
        .send({ to: 'approved', version: await version() })
        .expect(200);
      const number = await scalar<string>(api.databaseUrl, 'SELECT number FROM certificate WHERE application_id = $1', [
        id,
      ]);
      expect(approved.body.status).toBe('approved');
      const file = (await pdf(`/api/applications/${id}/certificate.pdf`, token).expect(200)).body as Buffer;
      expect(file.toString('latin1')).toContain(`(${PUBLIC_BASE_URL}/verify/${number})`);
      expect((await checkJson(number).expect(200)).body).toMatchObject({
        number,
        status: 'valid',
        holderInitials: 'Н. С.',
      });
      expect((await checkPage(number).expect(200)).text).toContain('The certificate is valid');

      const groundId = await scalar<number>(
        api.databaseUrl,
        `SELECT id FROM legal_ground WHERE code = 'false_information_found'`,
      );
      await as('post', `/api/applications/${id}/transitions`)
        .send({ to: 'revoked', legalGroundId: groundId, comment: 'Forged birth certificate', version: await version() })
        .expect(200);
      expect((await checkJson(number).expect(200)).body.status).toBe('revoked');
      expect((await checkPage(number).expect(200)).text).toContain('The certificate has been revoked');
      const letter = await pdf(`/api/applications/${id}/decision-letter.pdf?lang=ru`, token).expect(200);
      expect((letter.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    });
  });

  describe('GET /api/applications/:id/certificate.pdf', () => {
    it('is a PDF in Kazakh or Russian with the certificate number and the QR link, in DejaVu Sans', async () => {
      const { id, number, certificateNumber } = await insertApprovedCase(api.databaseUrl, {
        regionId: pavlodar,
        family: FAMILY,
      });
      for (const lang of ['kk', 'ru']) {
        const response = await pdf(
          `/api/applications/${id}/certificate.pdf?lang=${lang}`,
          tokens['caseworker.pavlodar'],
        ).expect(200);
        const file = response.body as Buffer;
        const text = file.toString('latin1');
        expect(response.headers['content-type']).toBe('application/pdf');
        expect(response.headers['content-disposition']).toBe(
          `attachment; filename="certificate-${certificateNumber}-${lang}.pdf"; filename*=UTF-8''certificate-${certificateNumber}-${lang}.pdf`,
        );
        expect(file.subarray(0, 5).toString()).toBe('%PDF-');
        expect(text).toContain(`(${certificateNumber} ${number})`); // the document's keywords
        expect(text).toContain(`(${PUBLIC_BASE_URL}/verify/${certificateNumber})`); // the link under the QR code
        expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
        expect(text).not.toContain('Helvetica');
        expect(text).toContain('/Subtype /Image'); // the QR code
      }
      // The QR code's number is the one the public check knows.
      expect((await checkJson(certificateNumber).expect(200)).body.number).toBe(certificateNumber);
    });

    it('defaults to Kazakh, refuses another language, and is audited', async () => {
      const { id, certificateNumber } = await insertApprovedCase(api.databaseUrl, { regionId: pavlodar });
      const response = await pdf(`/api/applications/${id}/certificate.pdf`, tokens['official.pavlodar']).expect(200);
      expect(response.headers['content-disposition']).toContain(`certificate-${certificateNumber}-kk.pdf`);
      const bad = await request(api.url)
        .get(`/api/applications/${id}/certificate.pdf?lang=en`)
        .set(bearer(tokens.admin))
        .expect(400);
      expect(bad.body.errors).toHaveProperty('lang');
      const audited = await scalar<number>(
        api.databaseUrl,
        `SELECT count(*)::int FROM audit_event WHERE action = 'certificate.download' AND actor_username = 'official.pavlodar' AND region_id = $1`,
        [pavlodar],
      );
      expect(audited).toBe(1);
    });

    it('answers 404 for a case without a certificate, an unknown case, and a case of another region', async () => {
      const pending = await insertCase(api.databaseUrl, { regionId: pavlodar, status: 'under_review' });
      expect(
        (
          await request(api.url)
            .get(`/api/applications/${pending.id}/certificate.pdf`)
            .set(bearer(tokens.admin))
            .expect(404)
        ).body.message,
      ).toBe('Certificate not found');
      await request(api.url).get('/api/applications/999999/certificate.pdf').set(bearer(tokens.admin)).expect(404);
      const { id } = await insertApprovedCase(api.databaseUrl, { regionId: pavlodar });
      expect(
        (
          await request(api.url)
            .get(`/api/applications/${id}/certificate.pdf`)
            .set(bearer(tokens['caseworker.abai']))
            .expect(404)
        ).body.message,
      ).toBe('Case not found');
      await pdf(`/api/applications/${id}/certificate.pdf`, tokens.auditor).expect(200);
      await request(api.url).get(`/api/applications/${id}/certificate.pdf`).expect(401);
    });
  });

  describe('GET /api/applications/:id/decision-letter.pdf', () => {
    it('is the approval (with validity) once status is granted', async () => {
      const { id, number } = await insertApprovedCase(api.databaseUrl, { regionId: abai, family: FAMILY });
      const response = await pdf(
        `/api/applications/${id}/decision-letter.pdf?lang=ru`,
        tokens['caseworker.abai'],
      ).expect(200);
      expect((response.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
      expect(response.headers['content-disposition']).toContain(`decision-${number}-ru.pdf`);
      expect((response.body as Buffer).toString('latin1')).toContain(`(${number})`);
    });

    it.each(['rejected', 'acceptance_refused', 'revoked'])(
      'is the %s decision with its legal ground',
      async (status) => {
        const ground = {
          rejected: 'false_information',
          acceptance_refused: 'incomplete_documents',
          revoked: 'citizenship_obtained',
        }[status]!;
        const { id } = await insertCase(api.databaseUrl, {
          regionId: pavlodar,
          status,
          legalGroundCode: ground,
          decisionComment: 'Протокол № 7',
        });
        for (const lang of ['kk', 'ru']) {
          const response = await pdf(
            `/api/applications/${id}/decision-letter.pdf?lang=${lang}`,
            tokens['caseworker.pavlodar'],
          ).expect(200);
          expect((response.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
        }
      },
    );

    it.each(['draft', 'submitted', 'under_review', 'withdrawn'])(
      'answers 404 while the case is %s (no decision yet)',
      async (status) => {
        const { id } = await insertCase(api.databaseUrl, { regionId: pavlodar, status });
        const response = await request(api.url)
          .get(`/api/applications/${id}/decision-letter.pdf`)
          .set(bearer(tokens.admin))
          .expect(404);
        expect(response.body.message).toBe('Decision not found');
      },
    );

    it("answers 404 to another region's staff", async () => {
      const { id } = await insertApprovedCase(api.databaseUrl, { regionId: pavlodar });
      await request(api.url)
        .get(`/api/applications/${id}/decision-letter.pdf`)
        .set(bearer(tokens['caseworker.abai']))
        .expect(404);
    });
  });

  describe('GET /api/public/certificates/:number', () => {
    it('tells anyone exactly the number, status, initials and dates — nothing else', async () => {
      const { certificateNumber } = await insertApprovedCase(api.databaseUrl, {
        regionId: pavlodar,
        family: FAMILY,
        certificate: {
          holderInitials: 'Н. С.',
          issuedOn: '2026-03-20',
          validFrom: '2026-03-20',
          validTo: '2099-03-19',
        },
      });
      const response = await checkJson(certificateNumber).expect(200);
      expect(response.body).toEqual({
        number: certificateNumber,
        status: 'valid',
        holderInitials: 'Н. С.',
        validFrom: '2026-03-20',
        validTo: '2099-03-19',
        issuedOn: '2026-03-20',
      });
      expect(Object.keys(response.body).sort()).toEqual([
        'holderInitials',
        'issuedOn',
        'number',
        'status',
        'validFrom',
        'validTo',
      ]);
      const text = JSON.stringify(response.body) + JSON.stringify(response.headers);
      for (const secret of ['Сейітов', 'Нұрлан', 'Seiitov', 'Nurlan', '1984-06-15', 'Павлодар', 'Pavlodar', 'KND-'])
        expect(text).not.toContain(secret);
      expect(response.headers['cache-control']).toBe('no-store');
    });

    it('answers an unknown or malformed number with a bare 404', async () => {
      for (const number of ['QK-2026-NOSUCHNO', "x' OR 1=1 --", 'a'.repeat(90), '..']) {
        const response = await checkJson(number).expect(404);
        expect(response.body).toEqual({
          statusCode: 404,
          error: 'Not Found',
          code: 'record.not_found',
          params: { entity: 'certificate' },
          message: 'Certificate not found',
          requestId: expect.any(String),
        });
      }
    });

    it('says revoked once revoked, and expired after valid_to or when the case expired', async () => {
      const revoked = await insertApprovedCase(api.databaseUrl, { regionId: pavlodar });
      await withDb(api.databaseUrl, (db) =>
        db.query('UPDATE certificate SET revoked_at = now() WHERE number = $1', [revoked.certificateNumber]),
      );
      expect((await checkJson(revoked.certificateNumber).expect(200)).body.status).toBe('revoked');

      const caseRevoked = await insertApprovedCase(api.databaseUrl, { regionId: pavlodar });
      await withDb(api.databaseUrl, (db) =>
        db.query(`UPDATE application SET status = 'revoked' WHERE id = $1`, [caseRevoked.id]),
      );
      expect((await checkJson(caseRevoked.certificateNumber).expect(200)).body.status).toBe('revoked');

      const past = await insertApprovedCase(api.databaseUrl, {
        regionId: pavlodar,
        certificate: { validFrom: '2024-01-10', validTo: '2025-01-09', issuedOn: '2024-01-10' },
      });
      expect((await checkJson(past.certificateNumber).expect(200)).body).toMatchObject({
        status: 'expired',
        validTo: '2025-01-09',
      });

      const caseExpired = await insertApprovedCase(api.databaseUrl, { regionId: pavlodar });
      await withDb(api.databaseUrl, (db) =>
        db.query(`UPDATE application SET status = 'expired' WHERE id = $1`, [caseExpired.id]),
      );
      expect((await checkJson(caseExpired.certificateNumber).expect(200)).body.status).toBe('expired');
    });
  });

  describe('GET /verify/:number', () => {
    it('is a page in Kazakh, Russian and English saying valid, with the initials and dates, and no script', async () => {
      const { certificateNumber } = await insertApprovedCase(api.databaseUrl, {
        regionId: pavlodar,
        family: FAMILY,
        certificate: {
          holderInitials: 'Н. С.',
          validFrom: '2026-03-20',
          validTo: '2099-03-19',
          issuedOn: '2026-03-20',
        },
      });
      const response = await checkPage(certificateNumber).expect(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
      const html = response.text;
      expect(html).toContain('Куәлік жарамды');
      expect(html).toContain('Удостоверение действительно');
      expect(html).toContain('The certificate is valid');
      expect(html).toContain('Н. С.');
      expect(html).toContain('20.03.2026 – 19.03.2099');
      expect(html).toContain(certificateNumber);
      expect(html).not.toMatch(/<script|\son\w+=|javascript:/i);
      for (const secret of ['Сейітов', 'Нұрлан', 'Seiitov', '1984', 'Павлодар', 'KND-'])
        expect(html).not.toContain(secret);
    });

    it('says revoked after revocation, and expired for a past valid_to', async () => {
      const { id, certificateNumber } = await insertApprovedCase(api.databaseUrl, { regionId: pavlodar });
      expect((await checkPage(certificateNumber).expect(200)).text).toContain('The certificate is valid');
      await withDb(api.databaseUrl, async (db) => {
        await db.query(`UPDATE application SET status = 'revoked' WHERE id = $1`, [id]);
        await db.query('UPDATE certificate SET revoked_at = now() WHERE application_id = $1', [id]);
      });
      const revoked = (await checkPage(certificateNumber).expect(200)).text;
      expect(revoked).toContain('Куәлік кері қайтарылып алынған');
      expect(revoked).toContain('Удостоверение отозвано');
      expect(revoked).toContain('The certificate has been revoked');

      const past = await insertApprovedCase(api.databaseUrl, {
        regionId: pavlodar,
        certificate: { validFrom: '2024-01-10', validTo: '2025-01-09' },
      });
      const expired = (await checkPage(past.certificateNumber).expect(200)).text;
      expect(expired).toContain('Куәліктің мерзімі өткен');
      expect(expired).toContain('Срок действия удостоверения истёк');
      expect(expired).toContain('10.01.2024 – 09.01.2025');
    });

    it('answers an unknown number with a 404 page that escapes what it was given', async () => {
      const response = await checkPage('<script>alert(1)</script>').expect(404);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.text).toContain('There is no certificate with this number.');
      expect(response.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(response.text).not.toContain('<script>');
    });

    it('is served outside /api and needs no login', async () => {
      await request(api.url).get('/api/verify/QK-2026-AAAAAAAA').expect(404);
    });
  });

  describe('rate limit', () => {
    it(`limits the public check to PUBLIC_RATE_LIMIT_PER_MINUTE (${RATE_LIMIT}) per address, each route on its own`, async () => {
      // Earlier tests in this file used part of this minute's allowance.
      const statuses: number[] = [];
      while (statuses.at(-1) !== 429 && statuses.length <= RATE_LIMIT)
        statuses.push((await checkJson('QK-2026-NOSUCHNO')).status);
      expect(statuses.at(-1)).toBe(429);
      expect(statuses.slice(0, -1).every((s) => s === 404)).toBe(true);
      expect(publicJson).toBeGreaterThan(RATE_LIMIT);
      const limited = await checkJson('QK-2026-NOSUCHNO').expect(429);
      expect(limited.body).toMatchObject({
        statusCode: 429,
        error: 'Too Many Requests',
        requestId: expect.any(String),
      });
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      // The page counts separately.
      expect(publicPage).toBeLessThan(RATE_LIMIT);
      await checkPage('QK-2026-NOSUCHNO').expect(404);
    });
  });
});
