import request from 'supertest';
import { bearer, createUser, regionIdByCode, scalar, uniqueUsername, withDb } from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';
import { DEMO_PASSWORD, login, type Session, totp } from '../support/auth';

interface AuditRow {
  id: string;
  action: string;
  actor_id: number | null;
  actor_username: string | null;
  actor_role: string | null;
  entity_type: string | null;
  entity_id: string | null;
  region_id: number | null;
  changes: Record<string, { before: unknown; after: unknown }> | null;
  request_id: string | null;
  ip: string | null;
}

const LOCAL_ADDRESS = /^(::ffff:)?127\.0\.0\.1$/;

describe('audit log', () => {
  let api: RunningApi;
  let admin: Session;
  let auditor: Session;
  let pavlodarId: number;
  let requestCounter = 0;

  beforeAll(async () => {
    api = await startApi();
    admin = await login(api.url, 'admin');
    auditor = await login(api.url, 'auditor');
    pavlodarId = await regionIdByCode(api.databaseUrl, '55');
  });
  afterAll(() => api?.stop());

  const rowsOfRequest = (requestId: string) =>
    withDb(
      api.databaseUrl,
      async (db) =>
        (await db.query('SELECT * FROM audit_event WHERE request_id = $1 ORDER BY id', [requestId])).rows as AuditRow[],
    );
  const auditCount = () => scalar<number>(api.databaseUrl, 'SELECT count(*)::int FROM audit_event');
  const verify = (token = auditor.accessToken) => request(api.url).get('/api/audit-events/verify').set(bearer(token));
  const nextRequestId = () => `audit-e2e-${++requestCounter}`;
  /** supertest with an Authorization header and a request id of our choosing. */
  const call = (method: 'get' | 'post' | 'put', path: string, token: string | null, requestId: string) => {
    const req = request(api.url)[method](path).set('x-request-id', requestId);
    return token ? req.set(bearer(token)) : req;
  };

  describe('what a write leaves behind', () => {
    it('records creating a user in the same request: actor, entity, before/after, request id and address', async () => {
      const username = uniqueUsername('audited');
      const response = await request(api.url)
        .post('/api/users')
        .set(bearer(admin.accessToken))
        .send({
          username,
          fullName: 'Аудит Тексеруұлы',
          password: 'a-long-enough-password',
          role: 'caseworker',
          regionId: pavlodarId,
        })
        .expect(201);
      const requestId = response.headers['x-request-id'];
      expect(requestId).toEqual(expect.any(String));

      const rows = await rowsOfRequest(requestId);
      expect(rows).toHaveLength(1);
      const [row] = rows;
      expect(row).toMatchObject({
        action: 'user.create',
        actor_id: admin.user.id,
        actor_username: 'admin',
        actor_role: 'admin',
        entity_type: 'user',
        entity_id: String(response.body.id),
        region_id: pavlodarId,
        request_id: requestId,
      });
      expect(row.ip).toMatch(LOCAL_ADDRESS);
      expect(row.changes).toMatchObject({
        username: { before: null, after: username },
        fullName: { before: null, after: 'Аудит Тексеруұлы' },
        role: { before: null, after: 'caseworker' },
        regionId: { before: null, after: pavlodarId },
      });
      expect(JSON.stringify(row.changes)).not.toMatch(/password|argon2/i);

      // The auditor reads the same row through the API.
      const shown = await request(api.url)
        .get(`/api/audit-events/${row.id}`)
        .set(bearer(auditor.accessToken))
        .expect(200);
      expect(shown.body).toMatchObject({
        id: row.id,
        action: 'user.create',
        actorUsername: 'admin',
        requestId,
        entityId: String(response.body.id),
      });
    });

    /** Each write, and exactly the audit rows its request leaves. */
    const writes: [string, (requestId: string) => Promise<unknown>, string[], (rows: AuditRow[]) => void][] = [
      [
        'editing a user',
        async (rid) => {
          const user = await createUser(api.url, admin.accessToken, {
            role: 'caseworker',
            regionId: pavlodarId,
            fullName: 'Before Name',
          });
          await call('put', `/api/users/${user.id}`, admin.accessToken, rid)
            .send({ fullName: 'After Name', role: 'caseworker', regionId: pavlodarId, disabled: false, version: 1 })
            .expect(200);
        },
        ['user.update'],
        ([row]) => expect(row.changes).toEqual({ fullName: { before: 'Before Name', after: 'After Name' } }),
      ],
      [
        'resetting a password (redacted)',
        async (rid) => {
          const user = await createUser(api.url, admin.accessToken, { role: 'caseworker', regionId: pavlodarId });
          await call('post', `/api/users/${user.id}/reset-password`, admin.accessToken, rid)
            .send({ password: 'a-new-long-password' })
            .expect(200);
        },
        ['user.password_reset'],
        ([row]) => expect(row.changes?.password).toEqual({ before: '[redacted]', after: '[redacted]' }),
      ],
      [
        'editing a region',
        async (rid) => {
          const [region] = (
            await request(api.url).get('/api/regions').query({ filter: '{"code":"47"}' }).set(bearer(admin.accessToken))
          ).body;
          const { id, createdAt: _c, updatedAt: _u, ...fields } = region;
          await call('put', `/api/regions/${id}`, admin.accessToken, rid)
            .send({ ...fields, centreEn: 'Aktau (edited)' })
            .expect(200);
        },
        ['region.update'],
        ([row]) => expect(row.changes).toEqual({ centreEn: { before: 'Aktau', after: 'Aktau (edited)' } }),
      ],
      [
        'adding an MCI rate',
        (rid) =>
          call('post', '/api/mci-rates', admin.accessToken, rid)
            .send({ year: 2027, amount: 4500, source: 'draft budget' })
            .expect(201),
        ['mci_rate.create'],
        ([row]) =>
          expect(row.changes).toMatchObject({
            year: { before: null, after: 2027 },
            amount: { before: null, after: 4500 },
          }),
      ],
      [
        'editing a deadline',
        async (rid) => {
          const [deadline] = (
            await request(api.url)
              .get('/api/deadlines')
              .query({ filter: '{"q":"commission_review"}' })
              .set(bearer(admin.accessToken))
          ).body;
          const { id, createdAt: _c, updatedAt: _u, ...fields } = deadline;
          await call('put', `/api/deadlines/${id}`, admin.accessToken, rid)
            .send({ ...fields, amount: 5 })
            .expect(200);
        },
        ['deadline_setting.update'],
        ([row]) => expect(row.changes).toEqual({ amount: { before: 3, after: 5 } }),
      ],
      [
        'logging in',
        (rid) =>
          call('post', '/api/auth/login', null, rid)
            .send({ username: 'official.pavlodar', password: DEMO_PASSWORD })
            .expect(200),
        ['auth.login'],
        ([row]) =>
          expect(row).toMatchObject({
            actor_username: 'official.pavlodar',
            actor_role: 'regional_official',
            entity_type: 'user',
          }),
      ],
      [
        'logging out',
        async (rid) => {
          const session = await login(api.url, 'official.abai');
          await call('post', '/api/auth/logout', null, rid).send({ refreshToken: session.refreshToken }).expect(204);
        },
        ['auth.logout'],
        ([row]) => expect(row.entity_id).not.toBeNull(),
      ],
      [
        'changing one’s password (redacted)',
        async (rid) => {
          const user = await createUser(api.url, admin.accessToken, { role: 'caseworker', regionId: pavlodarId });
          const session = await login(api.url, user.username, user.password);
          await call('post', '/api/auth/change-password', session.accessToken, rid)
            .send({ currentPassword: user.password, newPassword: 'another-long-password' })
            .expect(204);
        },
        ['auth.password_changed'],
        ([row]) => expect(row.changes).toEqual({ password: { before: '[redacted]', after: '[redacted]' } }),
      ],
      [
        'a first two-factor enrolment',
        async (rid) => {
          const user = await createUser(api.url, admin.accessToken, { role: 'auditor' });
          const first = await request(api.url)
            .post('/api/auth/login')
            .send({ username: user.username, password: user.password })
            .expect(401);
          await call('post', '/api/auth/login', null, rid)
            .send({ username: user.username, password: user.password, otp: totp(first.body.mfaEnrolment.secret) })
            .expect(200);
        },
        ['auth.mfa_enrolled', 'auth.login'],
        () => undefined,
      ],
    ];

    it.each(writes)('records %s', async (_name, write, actions, check) => {
      const requestId = nextRequestId();
      await write(requestId);
      const rows = await rowsOfRequest(requestId);
      expect(rows.map((r) => r.action)).toEqual(actions);
      for (const row of rows) expect(row.ip).toMatch(LOCAL_ADDRESS);
      check(rows);
    });

    it('leaves no row for a refused 400 or 409', async () => {
      const before = await auditCount();
      const badRequest = nextRequestId();
      await call('post', '/api/users', admin.accessToken, badRequest)
        .send({ username: 'x', role: 'caseworker' })
        .expect(400);
      const conflict = nextRequestId();
      await call('post', '/api/users', admin.accessToken, conflict)
        .send({ username: 'admin', fullName: 'Dup', password: 'a-long-enough-password', role: 'auditor' })
        .expect(409);
      const stale = nextRequestId();
      const [mci] = (
        await request(api.url).get('/api/mci-rates').query({ filter: '{"year":2026}' }).set(bearer(admin.accessToken))
      ).body;
      const { id, createdAt: _c, updatedAt: _u, ...fields } = mci;
      await call('put', `/api/mci-rates/${id}`, admin.accessToken, stale)
        .send({ ...fields, version: mci.version + 5 })
        .expect(409);
      for (const requestId of [badRequest, conflict, stale]) expect(await rowsOfRequest(requestId)).toEqual([]);
      expect(await auditCount()).toBe(before);
    });

    it('rolls the write back when its audit row cannot be written', async () => {
      const [region] = (
        await request(api.url).get('/api/regions').query({ filter: '{"code":"43"}' }).set(bearer(admin.accessToken))
      ).body;
      const { id, createdAt: _c, updatedAt: _u, ...fields } = region;
      await withDb(api.databaseUrl, (db) =>
        db.query(`
          CREATE FUNCTION e2e_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN RAISE EXCEPTION 'audit store unavailable (test)'; END $$;
          CREATE TRIGGER e2e_refuse_audit BEFORE INSERT ON audit_event
            FOR EACH ROW WHEN (NEW.action = 'region.update') EXECUTE FUNCTION e2e_refuse_audit();`),
      );
      try {
        const response = await request(api.url)
          .put(`/api/regions/${id}`)
          .set(bearer(admin.accessToken))
          .send({ ...fields, centreEn: 'Never saved' });
        expect(response.status).toBe(500);
        expect(JSON.stringify(response.body)).not.toContain('audit store unavailable');
      } finally {
        await withDb(api.databaseUrl, (db) =>
          db.query('DROP TRIGGER e2e_refuse_audit ON audit_event; DROP FUNCTION e2e_refuse_audit();'),
        );
      }
      const after = await request(api.url).get(`/api/regions/${id}`).set(bearer(admin.accessToken)).expect(200);
      expect(after.body).toMatchObject({ centreEn: region.centreEn, version: region.version });
    });
  });

  describe('browsing', () => {
    const list = (filter: Record<string, unknown>, token = auditor.accessToken) =>
      request(api.url)
        .get('/api/audit-events')
        .query({ filter: JSON.stringify(filter), range: '[0,499]' })
        .set(bearer(token));
    const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

    it('filters by actor', async () => {
      const response = await list({ actorId: admin.user.id }).expect(200);
      expect(response.body.length).toBeGreaterThan(0);
      expect(new Set(response.body.map((e: { actorUsername: string }) => e.actorUsername))).toEqual(new Set(['admin']));
    });

    it('filters by action', async () => {
      const response = await list({ action: 'user.create' }).expect(200);
      // The six demo users and those created above.
      expect(response.body.length).toBeGreaterThan(6);
      expect(new Set(response.body.map((e: { action: string }) => e.action))).toEqual(new Set(['user.create']));
    });

    it('filters by entity type and id', async () => {
      const regions = await list({ entityType: 'region' }).expect(200);
      expect(regions.body.length).toBeGreaterThan(0);
      expect(new Set(regions.body.map((e: { entityType: string }) => e.entityType))).toEqual(new Set(['region']));
      const forAdmin = await list({ entityType: 'user', entityId: String(admin.user.id) }).expect(200);
      expect(forAdmin.body.length).toBeGreaterThan(0);
      for (const event of forAdmin.body)
        expect(event).toMatchObject({ entityType: 'user', entityId: String(admin.user.id) });
    });

    it('filters by date, both ends inclusive', async () => {
      const total = await auditCount();
      const all = await list({ occurredFrom: isoDay(-2), occurredTo: isoDay(2) }).expect(200);
      expect(all.headers['content-range']).toMatch(new RegExp(`/${total}$`));
      expect((await list({ occurredTo: isoDay(-2) }).expect(200)).body).toEqual([]);
      expect((await list({ occurredFrom: isoDay(2) }).expect(200)).body).toEqual([]);
    });

    it('combines filters, newest first', async () => {
      const response = await list({ actorId: admin.user.id, action: 'user.create' }).expect(200);
      expect(response.body.length).toBeGreaterThan(0);
      for (const event of response.body) expect(event).toMatchObject({ actorId: admin.user.id, action: 'user.create' });
      const ids = response.body.map((e: { id: string }) => BigInt(e.id));
      expect([...ids].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0))).toEqual(ids);
    });

    it.each([
      ['an unknown filter', { who: 'admin' }, 'filter.who'],
      ['a bad date', { occurredFrom: 'yesterday' }, 'filter.occurredFrom'],
      ['a bad actor id', { actorId: 'admin' }, 'filter.actorId'],
    ])('refuses %s: 400 keyed by it', async (_name, filter, key) => {
      const response = await list(filter).expect(400);
      expect(Object.keys(response.body.errors)).toEqual([key]);
    });

    it.each(['caseworker.pavlodar', 'official.pavlodar', 'caseworker.abai', 'official.abai'])(
      'refuses %s the audit log, its verification and its rows (403)',
      async (username) => {
        const session = await login(api.url, username);
        await request(api.url).get('/api/audit-events').set(bearer(session.accessToken)).expect(403);
        await request(api.url).get('/api/audit-events/verify').set(bearer(session.accessToken)).expect(403);
        await request(api.url).get('/api/audit-events/1').set(bearer(session.accessToken)).expect(403);
      },
    );

    it.each(['auditor', 'admin'])('lets the %s read the log and verify it', async (username) => {
      const session = username === 'auditor' ? auditor : admin;
      await request(api.url).get('/api/audit-events').set(bearer(session.accessToken)).expect(200);
      await verify(session.accessToken).expect(200);
    });
  });

  describe('tamper evidence', () => {
    /** As the database superuser, with the append-only trigger off for one statement. */
    const bypassTrigger = (sql: string, params: unknown[] = []) =>
      withDb(api.databaseUrl, async (db) => {
        await db.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete');
        try {
          await db.query(sql, params);
        } finally {
          await db.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_delete');
        }
      });
    /** The id of a row with rows before and after it. */
    const middleRowId = (nth: number) =>
      scalar<string>(api.databaseUrl, 'SELECT e.id::text FROM audit_event e ORDER BY e.id OFFSET $1 LIMIT 1', [nth]);

    it.each([
      ['UPDATE', `UPDATE audit_event SET action = 'nothing.happened' WHERE id = (SELECT min(id) FROM audit_event)`],
      ['DELETE', 'DELETE FROM audit_event WHERE id = (SELECT max(id) FROM audit_event)'],
      ['TRUNCATE', 'TRUNCATE audit_event'],
    ])('refuses %s on audit_event, even to the database superuser', async (_op, sql) => {
      const before = await auditCount();
      await expect(withDb(api.databaseUrl, (db) => db.query(sql))).rejects.toMatchObject({
        code: '42501',
        message: expect.stringContaining('append-only'),
      });
      expect(await auditCount()).toBe(before);
    });

    it('verifies an intact chain, counting every row', async () => {
      const response = await verify().expect(200);
      expect(response.body).toEqual({
        valid: true,
        checked: await auditCount(),
        firstBrokenId: null,
        problem: null,
        checkpoint: null,
      });
    });

    it('names a row whose content was altered in SQL, and is whole again once it is restored', async () => {
      const id = await middleRowId(5);
      const original = await scalar<string>(api.databaseUrl, 'SELECT changes::text FROM audit_event WHERE id = $1', [
        id,
      ]);
      const before = await scalar<number>(api.databaseUrl, 'SELECT count(*)::int FROM audit_event WHERE id < $1', [id]);

      await bypassTrigger(`UPDATE audit_event SET changes = '{"role":{"before":null,"after":"admin"}}' WHERE id = $1`, [
        id,
      ]);
      expect((await verify().expect(200)).body).toMatchObject({ valid: false, checked: before, firstBrokenId: id });

      await bypassTrigger('UPDATE audit_event SET changes = $2::jsonb WHERE id = $1', [id, original]);
      expect((await verify().expect(200)).body).toMatchObject({ valid: true, firstBrokenId: null });
    });

    it('names a row whose actor was altered in SQL', async () => {
      const id = await middleRowId(8);
      const original = await scalar<string | null>(
        api.databaseUrl,
        'SELECT actor_username FROM audit_event WHERE id = $1',
        [id],
      );
      await bypassTrigger(`UPDATE audit_event SET actor_username = 'someone.else' WHERE id = $1`, [id]);
      expect((await verify().expect(200)).body).toMatchObject({ valid: false, firstBrokenId: id });
      await bypassTrigger('UPDATE audit_event SET actor_username = $2 WHERE id = $1', [id, original]);
      expect((await verify().expect(200)).body).toMatchObject({ valid: true });
    });

    it('detects a deleted middle row: the next row no longer links to the one before it', async () => {
      const id = await middleRowId(3);
      const nextId = await scalar<string>(api.databaseUrl, 'SELECT min(id)::text FROM audit_event WHERE id > $1', [id]);
      const saved = await withDb(
        api.databaseUrl,
        async (db) => (await db.query('SELECT * FROM audit_event WHERE id = $1', [id])).rows[0],
      );

      await bypassTrigger('DELETE FROM audit_event WHERE id = $1', [id]);
      expect((await verify().expect(200)).body).toMatchObject({ valid: false, firstBrokenId: nextId });

      // Putting the exact row back mends the chain: verification is about content, not luck.
      const columns = Object.keys(saved);
      await withDb(api.databaseUrl, (db) =>
        db.query(
          `INSERT INTO audit_event (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
          columns.map((c) => (c === 'changes' && saved[c] !== null ? JSON.stringify(saved[c]) : saved[c])),
        ),
      );
      expect((await verify().expect(200)).body).toMatchObject({
        valid: true,
        checked: await auditCount(),
        firstBrokenId: null,
      });
    });

    it('keeps appending to a valid chain after all of the above', async () => {
      await createUser(api.url, admin.accessToken, { role: 'caseworker', regionId: pavlodarId });
      expect((await verify().expect(200)).body).toMatchObject({
        valid: true,
        checked: await auditCount(),
        firstBrokenId: null,
      });
    });
  });
});
