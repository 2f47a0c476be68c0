import { addPeriod, todayInKazakhstan } from '@qonys/domain';
import request from 'supertest';
import { bearer, createUser, regionIdByCode, scalar, withDb } from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';
import { login, type Session } from '../support/auth';
import { insertApprovedCase, insertCase } from '../support/case-records';
import { includeInQuota } from '../support/inclusion';
import { finished, pollRun } from '../support/job-runs';

interface Notification {
  id: number;
  kind: string;
  resource: string;
  recordId: number;
  message: { code: string; params: Record<string, unknown> };
  readAt: string | null;
}

/** Staff notifications (docs/notifications.md): who hears of what, once, and only of their own. */
describe('staff notifications', () => {
  let api: RunningApi;
  const s: Record<string, Session> = {};
  let pavlodarId: number;
  const today = todayInKazakhstan();

  beforeAll(async () => {
    api = await startApi();
    for (const username of [
      'admin',
      'caseworker.pavlodar',
      'official.pavlodar',
      'caseworker.abai',
      'provider.pavlodar',
    ]) {
      s[username] = await login(api.url, username);
    }
    pavlodarId = await regionIdByCode(api.databaseUrl, '55');
    const second = await createUser(api.url, s.admin.accessToken, { role: 'regional_official', regionId: pavlodarId });
    s['official2.pavlodar'] = await login(api.url, second.username, second.password);
    const colleague = await createUser(api.url, s.admin.accessToken, { role: 'caseworker', regionId: pavlodarId });
    s['caseworker2.pavlodar'] = await login(api.url, colleague.username, colleague.password);
  });
  afterAll(() => api?.stop());

  const as = (who: string) => ({
    get: (path: string) => request(api.url).get(path).set(bearer(s[who].accessToken)),
    post: (path: string, body: object = {}) => request(api.url).post(path).set(bearer(s[who].accessToken)).send(body),
  });
  const unread = async (who: string, kind?: string): Promise<Notification[]> => {
    const filter = encodeURIComponent(JSON.stringify({ unread: true, ...(kind ? { kind } : {}) }));
    return (await as(who).get(`/api/notifications?filter=${filter}&range=[0,99]`).expect(200)).body as Notification[];
  };
  const runJob = async () => {
    const created = await as('admin').post('/api/jobs/staff-notifications/runs').expect(201);
    const run = await pollRun(api.url, s.admin, created.body.id as string, finished);
    if (run.state !== 'completed') throw new Error(`${JSON.stringify(run)}\n${api.output().slice(-4000)}`);
    return run.result as { dueSoon: number; overdue: number; deleted: number };
  };

  describe('a case assigned', () => {
    it('tells the assignee, with the link and the case number, and counts it on the bell', async () => {
      const family = await insertCase(api.databaseUrl, { regionId: pavlodarId });
      await as('admin')
        .post('/api/applications/assign', { ids: [family.id], assignedToId: s['caseworker.pavlodar'].user.id })
        .expect(200);
      const [mine, ...others] = await unread('caseworker.pavlodar', 'assigned');
      expect(others).toEqual([]);
      expect(mine).toMatchObject({
        kind: 'assigned',
        resource: 'applications',
        recordId: family.id,
        message: { code: 'notification.assigned', params: { number: family.number } },
        readAt: null,
      });
      // Nothing of the family's names travels with it.
      expect(JSON.stringify(mine)).not.toContain('Сейітов');
      const counts = await as('caseworker.pavlodar').get('/api/notifications/counts').expect(200);
      expect(counts.body).toMatchObject({ unread: 1, byKind: { assigned: 1, overdue: 0 } });
    });

    it('does not tell whoever assigns a case to themself', async () => {
      const family = await insertCase(api.databaseUrl, { regionId: pavlodarId });
      const me = s['caseworker.pavlodar'].user.id;
      await as('caseworker.pavlodar')
        .post('/api/applications/assign', { ids: [family.id], assignedToId: me })
        .expect(200);
      expect((await unread('caseworker.pavlodar', 'assigned')).map((n) => n.recordId)).not.toContain(family.id);
    });

    it('marks one read, then all; another user’s notification is a 404 to read or mark', async () => {
      const [mine] = await unread('caseworker.pavlodar');
      await as('caseworker.abai').post(`/api/notifications/${mine.id}/read`).expect(404);
      const listed = await as('caseworker.abai').get('/api/notifications?range=[0,99]').expect(200);
      expect((listed.body as Notification[]).map((n) => n.id)).not.toContain(mine.id);
      expect(
        await scalar(api.databaseUrl, 'SELECT count(*)::int FROM staff_notification WHERE read_at IS NOT NULL'),
      ).toBe(0);

      const read = await as('caseworker.pavlodar').post(`/api/notifications/${mine.id}/read`).expect(200);
      expect(read.body.readAt).not.toBeNull();
      const again = await as('caseworker.pavlodar').post(`/api/notifications/${mine.id}/read`).expect(200);
      expect(again.body.readAt).toBe(read.body.readAt);
      await as('caseworker.pavlodar').post('/api/notifications/read-all').expect(200);
      expect((await as('caseworker.pavlodar').get('/api/notifications/counts').expect(200)).body.unread).toBe(0);
    });
  });

  it('tells the case’s assignee of a provider’s answer, the region’s caseworkers when unassigned, never the provider', async () => {
    const family = await insertApprovedCase(api.databaseUrl, {
      regionId: pavlodarId,
      family: [
        { surname: 'Жолдамов', givenName: 'Ерлан', birthDate: '1984-02-10', sex: 'M' },
        { surname: 'Жолдамова', givenName: 'Дана', birthDate: '1987-07-01', sex: 'F', relation: 'spouse' },
      ],
    });
    await includeInQuota(
      api.url,
      { caseworker: s['caseworker.pavlodar'], official: s['official.pavlodar'] },
      family.id,
      pavlodarId,
      { arrived: true, adaptationServices: ['language_course'] },
    );
    await as('admin')
      .post('/api/applications/assign', { ids: [family.id], assignedToId: s['caseworker.pavlodar'].user.id })
      .expect(200);
    const plan = await as('caseworker.pavlodar')
      .post('/api/adaptation-plans', { applicationId: family.id })
      .expect(201);
    const providerId = await scalar<number>(
      api.databaseUrl,
      "SELECT id FROM service_provider WHERE name LIKE 'Павлодар облысының%'",
    );
    const referral = await as('caseworker.pavlodar')
      .post('/api/referrals', {
        planItemId: plan.body.items[0].id,
        providerId,
        period: today.slice(0, 7),
        consentToShare: true,
      })
      .expect(201);
    await as('provider.pavlodar')
      .post(`/api/referrals/${referral.body.id}/transitions`, { action: 'accept' })
      .expect(200);

    const answered = await unread('caseworker.pavlodar', 'referral_answered');
    expect(answered).toHaveLength(1);
    expect(answered[0]).toMatchObject({
      resource: 'referrals',
      recordId: referral.body.id,
      message: { code: 'notification.referral_answered', params: { number: family.number } },
    });
    expect(['accepted', 'waitlisted']).toContain(answered[0].message.params.referralState);
    expect(await unread('provider.pavlodar')).toEqual([]);
    expect(await unread('caseworker2.pavlodar', 'referral_answered')).toEqual([]);

    // Unassigned, the case's answer goes to every caseworker of the referral's region.
    await as('admin')
      .post('/api/applications/assign', { ids: [family.id], assignedToId: null })
      .expect(200);
    const declined = await as('caseworker.pavlodar')
      .post('/api/referrals', {
        planItemId: plan.body.items[1].id,
        providerId,
        period: today.slice(0, 7),
        consentToShare: false,
      })
      .expect(201);
    await as('provider.pavlodar')
      .post(`/api/referrals/${declined.body.id}/transitions`, { action: 'reject', reason: 'not_eligible' })
      .expect(200);
    for (const who of ['caseworker.pavlodar', 'caseworker2.pavlodar']) {
      expect((await unread(who, 'referral_answered')).map((n) => n.recordId)).toContain(declined.body.id);
    }
    expect((await unread('caseworker.abai', 'referral_answered')).map((n) => n.recordId)).not.toContain(
      declined.body.id,
    );
  });

  it('tells the other officials and the admins of a payment to approve, never its preparer', async () => {
    const family = await insertApprovedCase(api.databaseUrl, {
      regionId: pavlodarId,
      family: [{ surname: 'Төлемов', givenName: 'Арман' }],
    });
    await includeInQuota(
      api.url,
      { caseworker: s['caseworker.pavlodar'], official: s['official.pavlodar'] },
      family.id,
      pavlodarId,
      { arrived: true },
    );
    const payment = await as('official.pavlodar')
      .post('/api/support-payments', { applicationId: family.id, type: 'relocation', date: today })
      .expect(201);

    expect(await unread('official.pavlodar', 'payment_needs_approval')).toEqual([]);
    for (const who of ['official2.pavlodar', 'admin']) {
      expect(await unread(who, 'payment_needs_approval')).toEqual([
        expect.objectContaining({
          resource: 'support-payments',
          recordId: payment.body.id,
          message: {
            code: 'notification.payment_needs_approval',
            params: { number: family.number, payment: payment.body.id, benefitKind: 'relocation' },
          },
        }),
      ]);
    }
    expect(await unread('caseworker.pavlodar', 'payment_needs_approval')).toEqual([]);
  });

  it('tells assignees of cases due soon or overdue once per deadline, as the case list’s queues count them', async () => {
    const assignee = s['caseworker.pavlodar'].user.id;
    const dueSoon = await insertCase(api.databaseUrl, { regionId: pavlodarId });
    const overdue = await insertCase(api.databaseUrl, { regionId: pavlodarId });
    const later = await insertCase(api.databaseUrl, { regionId: pavlodarId });
    const yesterday = addPeriod(today, -1, 'calendar_days');
    await withDb(api.databaseUrl, async (db) => {
      for (const [id, due] of [
        [dueSoon.id, today],
        [overdue.id, yesterday],
        [later.id, addPeriod(today, 1, 'months')],
      ] as const) {
        await db.query(
          `UPDATE application SET assigned_to_id = $2, deadline_due = $3, deadline_stage = 'completeness_check' WHERE id = $1`,
          [id, assignee, due],
        );
      }
    });

    const first = await runJob();
    expect(first.dueSoon).toBeGreaterThanOrEqual(1);
    expect(first.overdue).toBeGreaterThanOrEqual(1);
    const soon = await unread('caseworker.pavlodar', 'due_soon');
    const late = await unread('caseworker.pavlodar', 'overdue');
    expect(soon.map((n) => n.recordId)).toContain(dueSoon.id);
    expect(late.map((n) => n.recordId)).toContain(overdue.id);
    expect([...soon, ...late].map((n) => n.recordId)).not.toContain(later.id);
    expect(late.find((n) => n.recordId === overdue.id)?.message).toEqual({
      code: 'notification.overdue',
      params: { number: overdue.number, date: yesterday },
    });

    // The same cases as the queues of the case list.
    for (const [queue, notified] of [
      ['due_soon', soon],
      ['overdue', late],
    ] as const) {
      const filter = encodeURIComponent(JSON.stringify({ queue }));
      const listed = await as('caseworker.pavlodar').get(`/api/applications?filter=${filter}&range=[0,99]`).expect(200);
      expect(new Set((listed.body as { id: number }[]).map((a) => a.id))).toEqual(
        new Set(notified.map((n) => n.recordId)),
      );
    }

    // A case moved to another region: its old assignee is no longer told, and its link is a 404 to them.
    const moved = await insertCase(api.databaseUrl, { regionId: pavlodarId });
    const abaiId = await regionIdByCode(api.databaseUrl, '10');
    await withDb(api.databaseUrl, (db) =>
      db.query(
        `UPDATE application SET assigned_to_id = $2, deadline_due = $3, deadline_stage = 'completeness_check',
                region_id = $4 WHERE id = $1`,
        [moved.id, assignee, yesterday, abaiId],
      ),
    );
    expect(await runJob()).toMatchObject({ dueSoon: 0, overdue: 0 });
    expect((await unread('caseworker.pavlodar', 'overdue')).map((n) => n.recordId)).not.toContain(moved.id);
    await as('caseworker.pavlodar').get(`/api/applications/${moved.id}`).expect(404);

    const before = await scalar(api.databaseUrl, 'SELECT count(*)::int FROM staff_notification');
    expect(await runJob()).toMatchObject({ dueSoon: 0, overdue: 0 });
    expect(await scalar(api.databaseUrl, 'SELECT count(*)::int FROM staff_notification')).toBe(before);
  });
});
