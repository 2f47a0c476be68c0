import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { bearer, regionIdByCode, scalar, withDb } from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';
import { login } from '../support/auth';
import { insertCase, type InsertedCase } from '../support/case-records';
import { TINY_GIF, TINY_JPEG, TINY_PDF, TINY_PNG } from '../fixtures/tiny-files';

const MAX_BYTES = 4096;
const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

/** Collects a binary response body as a Buffer (supertest's parser hook gets the raw response stream). */
const binary = (res: request.Response, done: (error: Error | null, body: Buffer) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('documents', () => {
  let api: RunningApi;
  let dataDir: string;
  const tokens: Record<string, string> = {};
  let pavlodar: number;
  let abai: number;
  const types: Record<string, number> = {};

  /** Files in the document store, relative to DATA_DIR/documents. */
  const storedFiles = (): string[] => {
    const root = join(dataDir, 'documents');
    if (!existsSync(root)) return [];
    return readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1));
  };

  const upload = (
    token: string,
    fields: { applicationId: number; documentTypeId: number; personId?: number },
    content: Buffer,
    fileName: string,
  ) => {
    let req = request(api.url)
      .post('/api/documents')
      .set(bearer(token))
      .field('applicationId', String(fields.applicationId))
      .field('documentTypeId', String(fields.documentTypeId));
    if (fields.personId !== undefined) req = req.field('personId', String(fields.personId));
    return req.attach('file', content, { filename: fileName, contentType: 'application/octet-stream' });
  };

  const newCase = (record: Partial<Parameters<typeof insertCase>[1]> = {}) =>
    insertCase(api.databaseUrl, { regionId: pavlodar, status: 'under_review', ...record });

  const documentCount = (applicationId: number) =>
    scalar<number>(api.databaseUrl, 'SELECT count(*)::int FROM document WHERE application_id = $1', [applicationId]);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'qonys-documents-'));
    api = await startApi({ DATA_DIR: dataDir, DOCUMENT_MAX_BYTES: String(MAX_BYTES) });
    for (const username of ['admin', 'auditor', 'caseworker.pavlodar', 'official.pavlodar', 'caseworker.abai']) {
      tokens[username] = (await login(api.url, username)).accessToken;
    }
    pavlodar = await regionIdByCode(api.databaseUrl, '55');
    abai = await regionIdByCode(api.databaseUrl, '10');
    await withDb(api.databaseUrl, async (db) => {
      for (const row of (await db.query<{ id: number; key: string }>('SELECT id, key FROM document_type')).rows)
        types[row.key] = row.id;
    });
  });
  afterAll(async () => {
    await api?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('POST /api/documents', () => {
    it('keeps a PDF, a JPEG and a PNG, typed by their content, with their SHA-256 — never the storage key', async () => {
      const { id, personIds } = await newCase();
      const sent = [
        { content: TINY_PDF, fileName: 'өтініш.pdf', type: 'application/pdf', documentTypeId: types.application_form },
        {
          content: TINY_JPEG,
          fileName: 'passport.JPG',
          type: 'image/jpeg',
          documentTypeId: types.identity_document,
          personId: personIds[0],
        },
        {
          content: TINY_PNG,
          fileName: 'translation.png',
          type: 'image/png',
          documentTypeId: types.notarised_translation,
          personId: personIds[0],
        },
      ];
      for (const file of sent) {
        const response = await upload(
          tokens['caseworker.pavlodar'],
          { applicationId: id, ...file },
          file.content,
          file.fileName,
        ).expect(201);
        expect(response.body).toMatchObject({
          applicationId: id,
          documentTypeId: file.documentTypeId,
          personId: file.personId ?? null,
          fileName: file.fileName,
          contentType: file.type,
          sizeBytes: file.content.length,
          sha256: sha256(file.content),
          status: 'uploaded',
          version: 1,
        });
        expect(response.body).not.toHaveProperty('storageKey');
        expect(await scalar(api.databaseUrl, 'SELECT sha256 FROM document WHERE id = $1', [response.body.id])).toBe(
          sha256(file.content),
        );
      }
    });

    it('stores the file under DATA_DIR/documents by a random key, never by the name the client sent', async () => {
      const { id } = await newCase();
      const before = storedFiles();
      const response = await upload(
        tokens['caseworker.pavlodar'],
        { applicationId: id, documentTypeId: types.autobiography },
        TINY_PDF,
        '../../escape.pdf',
      ).expect(201);
      const added = storedFiles().filter((f) => !before.includes(f));
      expect(added).toHaveLength(1);
      expect(added[0]).toMatch(/^\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
      expect(response.body.fileName).toBe('escape.pdf');
      const key = await scalar<string>(api.databaseUrl, 'SELECT storage_key FROM document WHERE id = $1', [
        response.body.id,
      ]);
      expect(key).toBe(`documents/${added[0]}`);
    });

    it.each([
      {
        what: 'a text file named x.pdf',
        content: Buffer.from('just some text, not a PDF\n'),
        fileName: 'x.pdf',
        message: /PDF, JPEG or PNG/,
      },
      {
        what: 'a PNG named x.pdf',
        content: TINY_PNG,
        fileName: 'x.pdf',
        message: /ends in \.pdf but its content is PNG/,
      },
      {
        what: 'a PDF named scan.jpg',
        content: TINY_PDF,
        fileName: 'scan.jpg',
        message: /ends in \.jpg but its content is PDF/,
      },
      { what: 'a GIF image', content: TINY_GIF, fileName: 'photo.gif', message: /its content is GIF/ },
    ])('refuses $what, checked by content, and keeps nothing', async ({ content, fileName, message }) => {
      const { id } = await newCase();
      const before = storedFiles();
      const response = await upload(
        tokens['caseworker.pavlodar'],
        { applicationId: id, documentTypeId: types.application_form },
        content,
        fileName,
      ).expect(400);
      expect(response.body).toMatchObject({ statusCode: 400, errors: { file: expect.stringMatching(message) } });
      expect(storedFiles()).toEqual(before);
      expect(await documentCount(id)).toBe(0);
    });

    it('answers 413 in the common error shape for a file over DOCUMENT_MAX_BYTES, and keeps nothing', async () => {
      const { id } = await newCase();
      const before = storedFiles();
      const big = Buffer.concat([TINY_PDF, Buffer.alloc(MAX_BYTES, 0x20)]);
      const response = await upload(
        tokens['caseworker.pavlodar'],
        { applicationId: id, documentTypeId: types.application_form },
        big,
        'big.pdf',
      ).expect(413);
      expect(response.body).toEqual({
        statusCode: 413,
        error: 'Payload Too Large',
        code: 'document.file_over_limit',
        params: { limit: '4 KB', bytes: 4096 },
        message: 'The file is larger than the upload limit of 4 KB (4096 bytes)',
        errors: { file: 'The file is larger than the upload limit of 4 KB (4096 bytes)' },
        errorCodes: { file: { code: 'document.file_over_limit', params: { limit: '4 KB', bytes: 4096 } } },
        requestId: expect.any(String),
      });
      expect(storedFiles()).toEqual(before);
      expect(await documentCount(id)).toBe(0);
      // A file of exactly the limit is fine.
      const exact = Buffer.concat([TINY_PDF, Buffer.alloc(MAX_BYTES - TINY_PDF.length, 0x20)]);
      await upload(
        tokens['caseworker.pavlodar'],
        { applicationId: id, documentTypeId: types.application_form },
        exact,
        'exact.pdf',
      ).expect(201);
    });

    it('needs personId, an active member of the case, for a per-member document — and refuses it for a case document', async () => {
      const { id, personIds } = await newCase({
        family: [
          { surname: 'Оспанов', givenName: 'Ерлан' },
          { surname: 'Оспанова', givenName: 'Гүлнар', relation: 'spouse' },
        ],
      });
      const other = await newCase();
      const token = tokens['caseworker.pavlodar'];
      const member = { applicationId: id, documentTypeId: types.identity_document };
      expect((await upload(token, member, TINY_PDF, 'id.pdf').expect(400)).body.errors).toEqual({
        personId: expect.stringMatching(/choose the person/),
      });
      expect(
        (await upload(token, { ...member, personId: other.personIds[0] }, TINY_PDF, 'id.pdf').expect(400)).body.errors,
      ).toEqual({
        personId: 'The person must be an active member of the case',
      });
      await upload(token, { ...member, personId: personIds[1] }, TINY_PDF, 'id.pdf').expect(201);
      const wholeCase = { applicationId: id, documentTypeId: types.autobiography, personId: personIds[0] };
      expect((await upload(token, wholeCase, TINY_PDF, 'bio.pdf').expect(400)).body.errors).toEqual({
        personId: expect.stringMatching(/whole family/),
      });
    });

    it('checks the fields like a JSON body: ids, unknown fields, a missing file, a body that is not multipart', async () => {
      const { id } = await newCase();
      const token = tokens['caseworker.pavlodar'];
      const bad = await request(api.url)
        .post('/api/documents')
        .set(bearer(token))
        .field('applicationId', 'abc')
        .field('documentTypeId', String(types.application_form))
        .field('role', 'admin')
        .attach('file', TINY_PDF, 'a.pdf')
        .expect(400);
      expect(Object.keys(bad.body.errors).sort()).toEqual(['applicationId', 'role']);
      const noFile = await request(api.url)
        .post('/api/documents')
        .set(bearer(token))
        .field('applicationId', String(id))
        .field('documentTypeId', String(types.application_form))
        .expect(400);
      expect(noFile.body.errorCodes).toEqual({ file: { code: 'document.file_required', params: {} } });
      const json = await request(api.url)
        .post('/api/documents')
        .set(bearer(token))
        .send({ applicationId: id })
        .expect(400);
      expect(json.body.errors).toEqual({ file: expect.stringMatching(/multipart\/form-data/) });
      const twoFiles = await request(api.url)
        .post('/api/documents')
        .set(bearer(token))
        .field('applicationId', String(id))
        .field('documentTypeId', String(types.application_form))
        .attach('file', TINY_PDF, 'a.pdf')
        .attach('file', TINY_PDF, 'b.pdf')
        .expect(400);
      expect(twoFiles.body.errors.file).toMatch(/one file/);
      expect(await documentCount(id)).toBe(0);
    });

    it('refuses a document type that is not on the checklist today', async () => {
      const { id } = await newCase();
      const future = await scalar<number>(
        api.databaseUrl,
        `INSERT INTO document_type (key, name_kk, name_ru, name_en, scope, source, valid_from)
         VALUES ('future_form', 'Болашақ', 'Будущая', 'Future form', 'application', 'test', '2099-01-01') RETURNING id`,
      );
      const response = await upload(
        tokens['caseworker.pavlodar'],
        { applicationId: id, documentTypeId: future },
        TINY_PDF,
        'f.pdf',
      ).expect(400);
      expect(response.body.errors).toEqual({ documentTypeId: expect.stringMatching(/checklist today/) });
    });

    it('refuses uploads to a closed case with 409', async () => {
      for (const status of ['rejected', 'withdrawn', 'acceptance_refused', 'revoked', 'expired']) {
        const { id } = await newCase({ status });
        const response = await upload(
          tokens['caseworker.pavlodar'],
          { applicationId: id, documentTypeId: types.application_form },
          TINY_PDF,
          'a.pdf',
        ).expect(409);
        expect(response.body).toMatchObject({ code: 'application.closed', params: { status } });
      }
    });

    it('deletes the stored file again when the database refuses the row: nothing orphaned', async () => {
      const { id } = await newCase();
      await withDb(api.databaseUrl, (db) =>
        db.query(`
          CREATE FUNCTION test_refuse_document() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            IF NEW.file_name = 'refused-by-db.pdf' THEN RAISE EXCEPTION 'refused for the test'; END IF;
            RETURN NEW;
          END $$;
          CREATE TRIGGER test_refuse_document BEFORE INSERT ON document FOR EACH ROW EXECUTE FUNCTION test_refuse_document();`),
      );
      try {
        const before = storedFiles();
        await upload(
          tokens['caseworker.pavlodar'],
          { applicationId: id, documentTypeId: types.application_form },
          TINY_PDF,
          'refused-by-db.pdf',
        ).expect(500);
        expect(storedFiles()).toEqual(before);
        expect(await documentCount(id)).toBe(0);
        expect(
          await scalar(api.databaseUrl, `SELECT count(*)::int FROM application_event WHERE application_id = $1`, [id]),
        ).toBe(0);
      } finally {
        await withDb(api.databaseUrl, (db) =>
          db.query('DROP TRIGGER test_refuse_document ON document; DROP FUNCTION test_refuse_document();'),
        );
      }
    });

    it('logs the upload on the case timeline and in the audit log', async () => {
      const { id } = await newCase();
      const { body } = await upload(
        tokens['caseworker.pavlodar'],
        { applicationId: id, documentTypeId: types.autobiography },
        TINY_PDF,
        'bio.pdf',
      ).expect(201);
      await withDb(api.databaseUrl, async (db) => {
        const events = await db.query(
          'SELECT type, actor_id IS NOT NULL AS has_actor, data FROM application_event WHERE application_id = $1',
          [id],
        );
        expect(events.rows).toEqual([
          {
            type: 'document',
            has_actor: true,
            data: {
              action: 'uploaded',
              documentId: body.id,
              documentType: 'autobiography',
              personId: null,
              fileName: 'bio.pdf',
            },
          },
        ]);
        const audit = await db.query(
          `SELECT action, actor_username, region_id, changes FROM audit_event WHERE entity_type = 'document' AND entity_id = $1`,
          [String(body.id)],
        );
        expect(audit.rows).toEqual([
          expect.objectContaining({
            action: 'document.upload',
            actor_username: 'caseworker.pavlodar',
            region_id: pavlodar,
          }),
        ]);
        expect(audit.rows[0].changes.sha256).toEqual({ before: null, after: sha256(TINY_PDF) });
      });
    });

    it('lets an admin upload in any region, and refuses regional officials and auditors (403)', async () => {
      const { id } = await newCase({ regionId: abai });
      await upload(
        tokens.admin,
        { applicationId: id, documentTypeId: types.application_form },
        TINY_PDF,
        'a.pdf',
      ).expect(201);
      await upload(
        tokens['official.pavlodar'],
        { applicationId: id, documentTypeId: types.application_form },
        TINY_PDF,
        'a.pdf',
      ).expect(403);
      await upload(
        tokens.auditor,
        { applicationId: id, documentTypeId: types.application_form },
        TINY_PDF,
        'a.pdf',
      ).expect(403);
    });
  });

  describe('GET /api/documents/:id and /content', () => {
    let document: { id: number; fileName: string };
    let application: InsertedCase;

    beforeAll(async () => {
      application = await newCase();
      document = (
        await upload(
          tokens['caseworker.pavlodar'],
          {
            applicationId: application.id,
            documentTypeId: types.identity_document,
            personId: application.personIds[0],
          },
          TINY_PNG,
          'Паспорт 1.png',
        ).expect(201)
      ).body;
    });

    it('returns the metadata without the storage key', async () => {
      const { body } = await request(api.url)
        .get(`/api/documents/${document.id}`)
        .set(bearer(tokens['official.pavlodar']))
        .expect(200);
      expect(body).toMatchObject({
        id: document.id,
        applicationId: application.id,
        contentType: 'image/png',
        sha256: sha256(TINY_PNG),
      });
      expect(body).not.toHaveProperty('storageKey');
    });

    it('downloads the same bytes as an attachment, with the type and nosniff, and audits the view', async () => {
      const response = await request(api.url)
        .get(`/api/documents/${document.id}/content`)
        .set(bearer(tokens['official.pavlodar']))
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(Buffer.compare(response.body as Buffer, TINY_PNG)).toBe(0);
      expect(response.headers['content-type']).toBe('image/png');
      expect(response.headers['content-length']).toBe(String(TINY_PNG.length));
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="_______ 1.png"; filename*=UTF-8''%D0%9F%D0%B0%D1%81%D0%BF%D0%BE%D1%80%D1%82%201.png`,
      );
      expect(response.headers['cache-control']).toBe('private, no-store');
      const views = await scalar<number>(
        api.databaseUrl,
        `SELECT count(*)::int FROM audit_event WHERE action = 'document.view' AND entity_id = $1 AND actor_username = 'official.pavlodar'`,
        [String(document.id)],
      );
      expect(views).toBe(1);
    });

    it('serves it inline for a preview with ?inline=1', async () => {
      const response = await request(api.url)
        .get(`/api/documents/${document.id}/content?inline=1`)
        .set(bearer(tokens['caseworker.pavlodar']))
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(response.headers['content-disposition']).toMatch(/^inline; /);
      expect(Buffer.compare(response.body as Buffer, TINY_PNG)).toBe(0);
    });
  });

  describe('GET /api/documents', () => {
    it('lists the documents of a case in the list dialect, without storage keys', async () => {
      const { id } = await newCase();
      for (const fileName of ['a.pdf', 'b.pdf', 'c.pdf']) {
        await upload(
          tokens['caseworker.pavlodar'],
          { applicationId: id, documentTypeId: types.application_form },
          TINY_PDF,
          fileName,
        ).expect(201);
      }
      const response = await request(api.url)
        .get('/api/documents')
        .query({
          filter: JSON.stringify({ applicationId: id }),
          sort: JSON.stringify(['fileName', 'DESC']),
          range: '[0,1]',
        })
        .set(bearer(tokens['caseworker.pavlodar']))
        .expect(200);
      expect(response.headers['content-range']).toBe('documents 0-1/3');
      expect(response.body.map((d: { fileName: string }) => d.fileName)).toEqual(['c.pdf', 'b.pdf']);
      expect(response.body.every((d: object) => !('storageKey' in d))).toBe(true);
    });

    it('refuses an unknown filter with 400 keyed by the field', async () => {
      const response = await request(api.url)
        .get('/api/documents')
        .query({ filter: JSON.stringify({ storageKey: 'x' }) })
        .set(bearer(tokens.admin))
        .expect(400);
      expect(response.body.errors).toHaveProperty(['filter.storageKey']);
    });
  });

  describe('POST /api/documents/:id/review', () => {
    const uploaded = async () => {
      const { id } = await newCase();
      const { body } = await upload(
        tokens['caseworker.pavlodar'],
        { applicationId: id, documentTypeId: types.application_form },
        TINY_PDF,
        'a.pdf',
      ).expect(201);
      return { applicationId: id, documentId: body.id as number };
    };

    it('verifies a document, and logs it on the timeline and in the audit log', async () => {
      const { applicationId, documentId } = await uploaded();
      const { body } = await request(api.url)
        .post(`/api/documents/${documentId}/review`)
        .set(bearer(tokens['caseworker.pavlodar']))
        .send({ status: 'verified', version: 1 })
        .expect(200);
      expect(body).toMatchObject({
        id: documentId,
        status: 'verified',
        rejectionReason: null,
        reviewedBy: expect.any(Number),
        reviewedAt: expect.any(String),
        version: 2,
      });
      const event = await scalar<object>(
        api.databaseUrl,
        `SELECT data FROM application_event WHERE application_id = $1 ORDER BY id DESC LIMIT 1`,
        [applicationId],
      );
      expect(event).toMatchObject({ action: 'verified', documentId });
      expect(
        await scalar(
          api.databaseUrl,
          `SELECT count(*)::int FROM audit_event WHERE action = 'document.review' AND entity_id = $1`,
          [String(documentId)],
        ),
      ).toBe(1);
    });

    it('needs a reason to reject (400 errors.reason) and keeps it', async () => {
      const { applicationId, documentId } = await uploaded();
      const review = (body: object) =>
        request(api.url)
          .post(`/api/documents/${documentId}/review`)
          .set(bearer(tokens['caseworker.pavlodar']))
          .send(body);
      expect((await review({ status: 'rejected', version: 1 }).expect(400)).body.errors).toEqual({
        reason: 'A rejection needs a reason',
      });
      expect((await review({ status: 'rejected', reason: '   ', version: 1 }).expect(400)).body.errors).toHaveProperty(
        'reason',
      );
      expect((await review({ status: 'lost', version: 1 }).expect(400)).body.errors).toHaveProperty('status');
      const { body } = await review({
        status: 'rejected',
        reason: 'The translation is not notarised',
        version: 1,
      }).expect(200);
      expect(body).toMatchObject({
        status: 'rejected',
        rejectionReason: 'The translation is not notarised',
        version: 2,
      });
      const comment = await scalar(
        api.databaseUrl,
        `SELECT comment FROM application_event WHERE application_id = $1 ORDER BY id DESC LIMIT 1`,
        [applicationId],
      );
      expect(comment).toBe('The translation is not notarised');
    });

    it('answers 409 to a review based on a stale version', async () => {
      const { documentId } = await uploaded();
      const review = (body: object) =>
        request(api.url)
          .post(`/api/documents/${documentId}/review`)
          .set(bearer(tokens['caseworker.pavlodar']))
          .send(body);
      await review({ status: 'verified', version: 1 }).expect(200);
      const stale = await review({ status: 'rejected', reason: 'blurred', version: 1 }).expect(409);
      expect(stale.body).toMatchObject({ statusCode: 409, message: expect.stringMatching(/changed by someone else/) });
      await review({ status: 'rejected', reason: 'blurred', version: 2 }).expect(200);
    });

    it('refuses reviews on a closed case (409), and by a regional official (403)', async () => {
      const { applicationId, documentId } = await uploaded();
      await request(api.url)
        .post(`/api/documents/${documentId}/review`)
        .set(bearer(tokens['official.pavlodar']))
        .send({ status: 'verified', version: 1 })
        .expect(403);
      await withDb(api.databaseUrl, (db) =>
        db.query(`UPDATE application SET status = 'withdrawn' WHERE id = $1`, [applicationId]),
      );
      await request(api.url)
        .post(`/api/documents/${documentId}/review`)
        .set(bearer(tokens['caseworker.pavlodar']))
        .send({ status: 'verified', version: 1 })
        .expect(409);
    });
  });

  describe('region scoping', () => {
    it("answers 404 to another region's caseworker on upload, show, content, review and checklist, and lists nothing", async () => {
      const { id } = await newCase();
      const { body: document } = await upload(
        tokens['caseworker.pavlodar'],
        { applicationId: id, documentTypeId: types.application_form },
        TINY_PDF,
        'a.pdf',
      ).expect(201);
      const foreign = tokens['caseworker.abai'];
      expect(
        (
          await upload(
            foreign,
            { applicationId: id, documentTypeId: types.application_form },
            TINY_PDF,
            'b.pdf',
          ).expect(404)
        ).body.message,
      ).toBe('Case not found');
      await request(api.url).get(`/api/documents/${document.id}`).set(bearer(foreign)).expect(404);
      await request(api.url).get(`/api/documents/${document.id}/content`).set(bearer(foreign)).expect(404);
      await request(api.url)
        .post(`/api/documents/${document.id}/review`)
        .set(bearer(foreign))
        .send({ status: 'verified', version: 1 })
        .expect(404);
      await request(api.url)
        .get('/api/documents/checklist')
        .query({ applicationId: id })
        .set(bearer(foreign))
        .expect(404);
      const list = await request(api.url)
        .get('/api/documents')
        .query({ filter: JSON.stringify({ applicationId: id }) })
        .set(bearer(foreign))
        .expect(200);
      expect(list.body).toEqual([]);
      expect(list.headers['content-range']).toBe('documents 0-0/0');
      const everything = await request(api.url)
        .get('/api/documents')
        .query({ range: '[0,499]' })
        .set(bearer(foreign))
        .expect(200);
      expect(everything.body.some((d: { applicationId: number }) => d.applicationId === id)).toBe(false);
      // Nothing changed, and nationwide roles see it.
      expect(await documentCount(id)).toBe(1);
      const auditorList = await request(api.url)
        .get('/api/documents')
        .query({ filter: JSON.stringify({ applicationId: id }) })
        .set(bearer(tokens.auditor))
        .expect(200);
      expect(auditorList.body).toHaveLength(1);
    });
  });

  describe('GET /api/documents/checklist', () => {
    const checklist = async (applicationId: number, token = tokens['caseworker.pavlodar']) =>
      (await request(api.url).get('/api/documents/checklist').query({ applicationId }).set(bearer(token)).expect(200))
        .body as {
        key: string;
        personId: number | null;
        required: boolean;
        status: string;
        member: { relation: string } | null;
        documents: { id: number }[];
      }[];
    const summary = (items: Awaited<ReturnType<typeof checklist>>) =>
      Object.fromEntries(
        items.map((item) => [item.personId === null ? item.key : `${item.key}:${item.personId}`, item.status]),
      );

    it('has one item per case document and one per member for member documents, all missing at first', async () => {
      const { id, personIds } = await newCase({
        family: [
          { surname: 'Бекова', givenName: 'Айгүл', sex: 'F' },
          { surname: 'Беков', givenName: 'Дәурен', relation: 'spouse' },
        ],
      });
      const items = await checklist(id);
      expect(summary(items)).toEqual({
        application_form: 'missing',
        autobiography: 'missing',
        [`identity_document:${personIds[0]}`]: 'missing',
        [`identity_document:${personIds[1]}`]: 'missing',
        [`notarised_translation:${personIds[0]}`]: 'missing',
        [`notarised_translation:${personIds[1]}`]: 'missing',
        proof_of_nationality: 'missing',
      });
      expect(items.find((i) => i.personId === personIds[0])!.member).toMatchObject({
        relation: 'applicant',
        surname: 'Бекова',
        givenName: 'Айгүл',
      });
      // A regional official reads it too.
      await request(api.url)
        .get('/api/documents/checklist')
        .query({ applicationId: id })
        .set(bearer(tokens['official.pavlodar']))
        .expect(200);
    });

    it('follows uploads and reviews: uploaded, then verified or rejected, per member', async () => {
      const { id, personIds } = await newCase({
        family: [
          { surname: 'Әлиев', givenName: 'Мұрат' },
          { surname: 'Әлиева', givenName: 'Сәуле', relation: 'spouse' },
        ],
      });
      const token = tokens['caseworker.pavlodar'];
      const first = (
        await upload(
          token,
          { applicationId: id, documentTypeId: types.identity_document, personId: personIds[0] },
          TINY_PDF,
          'id1.pdf',
        ).expect(201)
      ).body;
      const second = (
        await upload(
          token,
          { applicationId: id, documentTypeId: types.identity_document, personId: personIds[1] },
          TINY_PDF,
          'id2.pdf',
        ).expect(201)
      ).body;
      let items = await checklist(id);
      expect(summary(items)[`identity_document:${personIds[0]}`]).toBe('uploaded');
      expect(
        items.find((i) => i.key === 'identity_document' && i.personId === personIds[0])!.documents.map((d) => d.id),
      ).toEqual([first.id]);
      await request(api.url)
        .post(`/api/documents/${first.id}/review`)
        .set(bearer(token))
        .send({ status: 'verified', version: 1 })
        .expect(200);
      await request(api.url)
        .post(`/api/documents/${second.id}/review`)
        .set(bearer(token))
        .send({ status: 'rejected', reason: 'expired passport', version: 1 })
        .expect(200);
      items = await checklist(id);
      expect(summary(items)).toMatchObject({
        [`identity_document:${personIds[0]}`]: 'verified',
        [`identity_document:${personIds[1]}`]: 'rejected',
      });
      // A new upload after a rejection awaits review again.
      await upload(
        token,
        { applicationId: id, documentTypeId: types.identity_document, personId: personIds[1] },
        TINY_PNG,
        'id2-new.png',
      ).expect(201);
      expect(summary(await checklist(id))[`identity_document:${personIds[1]}`]).toBe('uploaded');
    });

    it('asks for the consent decision only for a mission abroad, and drops proof of nationality after a commission recommendation', async () => {
      const abroad = await newCase({ channel: 'mission_abroad' });
      expect(Object.keys(summary(await checklist(abroad.id)))).toContain('consent_decision');
      const local = await newCase();
      expect(Object.keys(summary(await checklist(local.id)))).not.toContain('consent_decision');
      expect(Object.keys(summary(await checklist(local.id)))).toContain('proof_of_nationality');
      await withDb(api.databaseUrl, (db) =>
        db.query(
          `INSERT INTO application_event (application_id, type, transition, from_status, to_status, comment)
           VALUES ($1, 'transition', 'commission_recommend', 'commission_review', 'under_review', 'minutes No. 7')`,
          [local.id],
        ),
      );
      expect(Object.keys(summary(await checklist(local.id)))).not.toContain('proof_of_nationality');
    });

    it('answers 404 for an unknown case and 400 without an applicationId', async () => {
      await request(api.url)
        .get('/api/documents/checklist')
        .query({ applicationId: 999999 })
        .set(bearer(tokens.admin))
        .expect(404);
      const response = await request(api.url).get('/api/documents/checklist').set(bearer(tokens.admin)).expect(400);
      expect(response.body.errors).toHaveProperty('applicationId');
    });

    it('follows the checklist an admin edits under /api/document-types', async () => {
      const { id, personIds } = await newCase();
      const created = await request(api.url)
        .post('/api/document-types')
        .set(bearer(tokens.admin))
        .send({
          key: 'medical_certificate',
          nameKk: 'Медициналық анықтама',
          nameRu: 'Медицинская справка',
          nameEn: 'Medical certificate',
          scope: 'member',
          required: false,
          condition: 'always',
          sortOrder: 70,
          source: 'test',
        })
        .expect(201);
      let items = await checklist(id);
      expect(items.find((i) => i.key === 'medical_certificate')).toMatchObject({
        personId: personIds[0],
        required: false,
        status: 'missing',
      });
      // Ended yesterday: no longer on the checklist.
      await request(api.url)
        .put(`/api/document-types/${created.body.id}`)
        .set(bearer(tokens.admin))
        .send({
          ...created.body,
          validTo: '2020-01-01',
          validFrom: '2019-01-01',
          id: undefined,
          createdAt: undefined,
          updatedAt: undefined,
        })
        .expect(200);
      items = await checklist(id);
      expect(items.find((i) => i.key === 'medical_certificate')).toBeUndefined();
      await request(api.url)
        .post('/api/document-types')
        .set(bearer(tokens['caseworker.pavlodar']))
        .send({})
        .expect(403);
    });
  });

  describe('reference data: legal grounds', () => {
    it('are listed for everyone, edited by admins only, with a unique code', async () => {
      const list = await request(api.url)
        .get('/api/legal-grounds')
        .query({ filter: JSON.stringify({ kind: 'reject' }) })
        .set(bearer(tokens['caseworker.pavlodar']))
        .expect(200);
      expect(list.body.map((g: { code: string }) => g.code)).toEqual(
        expect.arrayContaining(['false_information', 'negative_nationality_finding']),
      );
      const ground = {
        kind: 'revoke',
        code: 'left_kazakhstan',
        nameKk: 'Қазақстаннан кетті',
        nameRu: 'Выезд из Казахстана',
        nameEn: 'Left Kazakhstan',
        sourceKk: '«Халықтың көші-қоны туралы» Заң',
        sourceRu: 'Закон «О миграции населения»',
        sourceEn: 'Law "On migration of population"',
        source: 'test',
      };
      const created = await request(api.url)
        .post('/api/legal-grounds')
        .set(bearer(tokens.admin))
        .send(ground)
        .expect(201);
      expect(created.body).toMatchObject({ ...ground, version: 1 });
      expect(
        (await request(api.url).post('/api/legal-grounds').set(bearer(tokens.admin)).send(ground).expect(409)).body
          .errors,
      ).toEqual({
        code: 'A record with this code already exists',
      });
      const updated = await request(api.url)
        .put(`/api/legal-grounds/${created.body.id}`)
        .set(bearer(tokens.admin))
        .send({ ...ground, nameEn: 'Left Kazakhstan for good', version: 1 })
        .expect(200);
      expect(updated.body).toMatchObject({ nameEn: 'Left Kazakhstan for good', version: 2 });
      await request(api.url)
        .put(`/api/legal-grounds/${created.body.id}`)
        .set(bearer(tokens.admin))
        .send({ ...ground, version: 1 })
        .expect(409);
      await request(api.url)
        .post('/api/legal-grounds')
        .set(bearer(tokens['caseworker.pavlodar']))
        .send(ground)
        .expect(403);
      expect(
        (
          await request(api.url)
            .post('/api/legal-grounds')
            .set(bearer(tokens.admin))
            .send({ ...ground, code: 'x', kind: 'other' })
            .expect(400)
        ).body.errors,
      ).toEqual({
        kind: expect.any(String),
        code: expect.any(String),
      });
    });
  });
});
