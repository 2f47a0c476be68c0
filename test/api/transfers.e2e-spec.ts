import request from 'supertest';
import { bearer, createUser, regionIdByCode, scalar, withDb } from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';
import { login, type Session } from '../support/auth';
import { insertApprovedCase } from '../support/case-records';

jest.setTimeout(120_000);

type Quota = { id: number; capacity: number; reserved: number; settled: number; balance: number; version: number };

/**
 * A regional official cannot spend another region's quota (docs/transfers.md): moving a
 * settlement or overriding a batch line into another region becomes a transfer request
 * that only the receiving region's official accepts, and the quota moves then.
 */
describe('transfer requests between regions', () => {
  let api: RunningApi;
  const s: Record<string, Session> = {};
  let pavlodarId: number;
  let abaiId: number;
  let westId: number;

  beforeAll(async () => {
    api = await startApi();
    for (const username of ['admin', 'official.pavlodar', 'official.abai', 'caseworker.pavlodar', 'caseworker.abai']) {
      s[username] = await login(api.url, username);
    }
    pavlodarId = await regionIdByCode(api.databaseUrl, '55');
    abaiId = await regionIdByCode(api.databaseUrl, '10');
    westId = await regionIdByCode(api.databaseUrl, '27');
    const west = await createUser(api.url, s.admin.accessToken, { role: 'regional_official', regionId: westId });
    s['official.west'] = await login(api.url, west.username, west.password);
  });
  afterAll(() => api?.stop());

  const as = (who: string) => ({
    get: (path: string) => request(api.url).get(path).set(bearer(s[who].accessToken)),
    post: (path: string, body: object) => request(api.url).post(path).set(bearer(s[who].accessToken)).send(body),
  });
  const quota = async (regionId: number): Promise<Quota> => {
    const filter = encodeURIComponent(JSON.stringify({ year: 2026, regionId, category: 'kandas' }));
    return (await as('admin').get(`/api/quotas?filter=${filter}`).expect(200)).body[0] as Quota;
  };
  const lastLedgerEntry = async (quotaId: number) =>
    (
      await as('admin')
        .get(`/api/quotas/${quotaId}/ledger?sort=${encodeURIComponent('["id","DESC"]')}`)
        .expect(200)
    ).body[0] as { kind: string; reservedDelta: number; reservationId: number };
  const timeline = (applicationId: number) =>
    withDb(
      api.databaseUrl,
      async (db) =>
        (
          await db.query<{ transition: string; code: string | null }>(
            `SELECT transition, data->'message'->>'code' AS code FROM application_event WHERE application_id = $1 ORDER BY id`,
            [applicationId],
          )
        ).rows,
    );
  const audited = (action: string, id: number) =>
    scalar(api.databaseUrl, 'SELECT count(*)::int FROM audit_event WHERE action = $1 AND entity_id = $2', [
      action,
      String(id),
    ]);

  /** An approved Pavlodar family who chose Pavlodar then Abai, included in Pavlodar's 2026 quota; its planned settlement. */
  async function includedFamily(size: number) {
    const family = await insertApprovedCase(api.databaseUrl, {
      regionId: pavlodarId,
      family: Array.from({ length: size }, (_, n) => ({ surname: 'Көшпенов', givenName: `Бала${n}` })),
    });
    const created = await as('caseworker.pavlodar')
      .post('/api/inclusion-requests', {
        applicationId: family.id,
        year: 2026,
        preferredRegionIds: [pavlodarId, abaiId],
        consent: true,
      })
      .expect(201);
    await as('official.pavlodar')
      .post(`/api/inclusion-requests/${created.body.id}/decision`, {
        decision: 'include',
        version: created.body.version,
      })
      .expect(200);
    const filter = encodeURIComponent(JSON.stringify({ applicationId: family.id }));
    const [settlement] = (await as('official.pavlodar').get(`/api/settlements?filter=${filter}`).expect(200)).body;
    return { applicationId: family.id, requestId: created.body.id as number, settlement };
  }

  const askMove = (settlement: { id: number; version: number }, body: object = {}) =>
    as('official.pavlodar').post(`/api/settlements/${settlement.id}/move`, {
      regionId: abaiId,
      reasonCode: 'relatives',
      reason: 'Relatives in Semey offer housing',
      version: settlement.version,
      ...body,
    });

  it("turns an official's move into another region into a request: nothing moves, the other quota untouched", async () => {
    const { settlement, applicationId } = await includedFamily(2);
    const [pavlodarBefore, abaiBefore] = [await quota(pavlodarId), await quota(abaiId)];
    const asked = await askMove(settlement).expect(202);
    expect(asked.body).toMatchObject({
      kind: 'settlement',
      state: 'requested',
      applicationId,
      settlementId: settlement.id,
      fromRegionId: pavlodarId,
      toRegionId: abaiId,
      reasonCode: 'relatives',
      reason: 'Relatives in Semey offer housing',
      consentDate: null,
      requestedBy: s['official.pavlodar'].user.id,
      applicationNumber: expect.stringMatching(/^KND-/),
    });
    expect(await quota(abaiId)).toEqual(abaiBefore);
    expect(await quota(pavlodarId)).toEqual(pavlodarBefore);
    expect((await as('admin').get(`/api/settlements/${settlement.id}`).expect(200)).body).toMatchObject({
      status: 'planned',
      regionId: pavlodarId,
      version: settlement.version,
    });
    expect(
      await scalar(api.databaseUrl, 'SELECT count(*)::int FROM reservation WHERE application_id = $1', [applicationId]),
    ).toBe(1);
    expect((await timeline(applicationId)).at(-1)).toEqual({
      transition: 'transfer_request.create',
      code: 'timeline.transfer_requested',
    });
    expect(await audited('transfer_request.create', asked.body.id)).toBe(1);
    // One open request per settlement.
    const again = await askMove(settlement).expect(409);
    expect(again.body).toMatchObject({ code: 'transfer.already_open', params: { request: asked.body.id } });
  });

  it('lets only the receiving region accept; then the family moves and both ledgers show it exactly', async () => {
    const { settlement, applicationId } = await includedFamily(3);
    const asked = (await askMove(settlement).expect(202)).body as { id: number; version: number };
    const [pavlodarBefore, abaiBefore] = [await quota(pavlodarId), await quota(abaiId)];
    const accept = (who: string, version = asked.version) =>
      as(who).post(`/api/transfer-requests/${asked.id}/accept`, { version });

    // The sending official sees the request but cannot accept it; an uninvolved region does not see it at all.
    await as('official.pavlodar').get(`/api/transfer-requests/${asked.id}`).expect(200);
    expect((await accept('official.pavlodar').expect(403)).body.code).toBe('transfer.receiving_region_only');
    await accept('official.west').expect(404);
    await as('official.west').get(`/api/transfer-requests/${asked.id}`).expect(404);
    const westList = (await as('official.west').get('/api/transfer-requests').expect(200)).body as { id: number }[];
    expect(westList.map((r) => r.id)).not.toContain(asked.id);
    // Caseworkers follow their own region's cases, and only read.
    await as('caseworker.pavlodar').get(`/api/transfer-requests/${asked.id}`).expect(200);
    await as('caseworker.abai').get(`/api/transfer-requests/${asked.id}`).expect(404);
    await accept('caseworker.pavlodar').expect(403);
    expect(await quota(abaiId)).toEqual(abaiBefore);

    await accept('official.abai', asked.version + 7).expect(409);
    const accepted = await accept('official.abai').expect(200);
    expect(accepted.body).toMatchObject({
      state: 'accepted',
      decidedBy: s['official.abai'].user.id,
      resultSettlementId: expect.any(Number),
    });
    const pavlodarAfter = await quota(pavlodarId);
    const abaiAfter = await quota(abaiId);
    expect(pavlodarAfter).toMatchObject({ reserved: pavlodarBefore.reserved - 3, balance: pavlodarBefore.balance + 3 });
    expect(abaiAfter).toMatchObject({ reserved: abaiBefore.reserved + 3, balance: abaiBefore.balance - 3 });
    const newReservation = await scalar<number>(
      api.databaseUrl,
      `SELECT id FROM reservation WHERE application_id = $1 AND status = 'reserved'`,
      [applicationId],
    );
    expect(await lastLedgerEntry(pavlodarBefore.id)).toMatchObject({ kind: 'release', reservedDelta: -3 });
    expect(await lastLedgerEntry(abaiBefore.id)).toMatchObject({
      kind: 'reserve',
      reservedDelta: 3,
      reservationId: newReservation,
    });
    expect((await as('admin').get(`/api/settlements/${settlement.id}`).expect(200)).body.status).toBe('cancelled');
    const moved = await as('official.abai').get(`/api/settlements/${accepted.body.resultSettlementId}`).expect(200);
    expect(moved.body).toMatchObject({ status: 'planned', regionId: abaiId, persons: 3 });
    expect((await timeline(applicationId)).slice(-2)).toEqual([
      { transition: 'settlement.move', code: null },
      { transition: 'transfer_request.accept', code: 'timeline.transfer_accepted' },
    ]);
    expect(await audited('transfer_request.accept', asked.id)).toBe(1);
    const closed = await accept('official.abai', accepted.body.version).expect(409);
    expect(closed.body).toMatchObject({ code: 'transfer.not_open', params: { transferState: 'accepted' } });
  });

  it('needs the family’s recorded consent for a region they did not choose, and a reason code', async () => {
    const { settlement, applicationId } = await includedFamily(1);
    const toWest = { regionId: westId };
    const noConsent = await askMove(settlement, toWest).expect(400);
    expect(Object.keys(noConsent.body.errors).sort()).toEqual(['consentDate', 'consentDocument']);
    expect(noConsent.body.errorCodes.consentDate).toMatchObject({
      code: 'transfer.consent_required',
      params: { region: { en: 'West Kazakhstan' } },
    });
    const future = await askMove(settlement, {
      ...toWest,
      consentDate: '2099-01-01',
      consentDocument: 'Statement 7',
    }).expect(400);
    expect(Object.keys(future.body.errors)).toEqual(['consentDate']);
    const noCode = await askMove(settlement, { reasonCode: undefined }).expect(400);
    expect(Object.keys(noCode.body.errors)).toEqual(['reasonCode']);
    await askMove(settlement, { reasonCode: 'because' }).expect(400);
    const everything = await askMove(settlement, { ...toWest, reasonCode: undefined }).expect(400);
    expect(Object.keys(everything.body.errors).sort()).toEqual(['consentDate', 'consentDocument', 'reasonCode']);
    // Even an admin, who moves directly, needs it.
    await as('admin')
      .post(`/api/settlements/${settlement.id}/move`, { ...toWest, reason: 'Housing', version: settlement.version })
      .expect(400);
    expect(
      await scalar(api.databaseUrl, 'SELECT count(*)::int FROM transfer_request WHERE application_id = $1', [
        applicationId,
      ]),
    ).toBe(0);

    const asked = await askMove(settlement, {
      ...toWest,
      consentDate: '2026-05-04',
      consentDocument: 'Statement 7',
    }).expect(202);
    expect(asked.body).toMatchObject({ toRegionId: westId, consentDate: '2026-05-04', consentDocument: 'Statement 7' });
  });

  it('lets the receiving region decline with a reason and the sending side withdraw; the family stays', async () => {
    const first = await includedFamily(1);
    const second = await includedFamily(1);
    const abaiBefore = await quota(abaiId);
    const declined = (await askMove(first.settlement).expect(202)).body as { id: number; version: number };
    const path = `/api/transfer-requests/${declined.id}/decline`;
    const noReason = await as('official.abai').post(path, { version: declined.version, reason: ' ' }).expect(400);
    expect(Object.keys(noReason.body.errors)).toEqual(['reason']);
    await as('official.pavlodar').post(path, { version: declined.version, reason: 'No' }).expect(403);
    const done = await as('official.abai')
      .post(path, { version: declined.version, reason: 'No housing left in Semey' })
      .expect(200);
    expect(done.body).toMatchObject({ state: 'declined', declineReason: 'No housing left in Semey' });
    expect((await timeline(first.applicationId)).at(-1)?.code).toBe('timeline.transfer_declined');

    const withdrawn = (await askMove(second.settlement).expect(202)).body as { id: number; version: number };
    const withdraw = (who: string) =>
      as(who).post(`/api/transfer-requests/${withdrawn.id}/withdraw`, { version: withdrawn.version });
    expect((await withdraw('official.abai').expect(403)).body.code).toBe('transfer.sending_side_only');
    expect((await withdraw('official.pavlodar').expect(200)).body.state).toBe('withdrawn');
    expect(await quota(abaiId)).toEqual(abaiBefore);
    for (const family of [first, second]) {
      expect((await as('admin').get(`/api/settlements/${family.settlement.id}`).expect(200)).body.status).toBe(
        'planned',
      );
    }
  });

  it('closes an open request when the family moves another way meanwhile', async () => {
    const { settlement } = await includedFamily(1);
    const asked = (await askMove(settlement).expect(202)).body as { id: number; version: number };
    await as('admin')
      .post(`/api/settlements/${settlement.id}/move`, {
        regionId: abaiId,
        reason: 'Decided nationally',
        version: settlement.version,
      })
      .expect(200);
    const after = await as('official.abai').get(`/api/transfer-requests/${asked.id}`).expect(200);
    expect(after.body.state).toBe('expired');
    await as('official.abai')
      .post(`/api/transfer-requests/${asked.id}/accept`, { version: after.body.version })
      .expect(409);
  });

  it("gives the receiving region's last places to one of two accepts racing for them", async () => {
    const families = [await includedFamily(2), await includedFamily(2)];
    const asked: { id: number; version: number }[] = [];
    for (const family of families)
      asked.push((await askMove(family.settlement).expect(202)).body as { id: number; version: number });
    // Room for exactly one of the two families.
    await withDb(api.databaseUrl, (db) =>
      db.query(
        `UPDATE quota SET capacity = reserved + settled + 2 WHERE year = 2026 AND category = 'kandas' AND region_id = $1`,
        [abaiId],
      ),
    );
    const abaiBefore = await quota(abaiId);
    const results = await Promise.all(
      asked.map((r) => as('official.abai').post(`/api/transfer-requests/${r.id}/accept`, { version: r.version })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.status === 409)!;
    expect(loser.body.code).toMatch(/^quota\.full/);
    expect(await quota(abaiId)).toMatchObject({ reserved: abaiBefore.reserved + 2, balance: 0 });
    const states = await withDb(api.databaseUrl, async (db) =>
      (
        await db.query<{ state: string }>('SELECT state FROM transfer_request WHERE id = ANY($1) ORDER BY state', [
          asked.map((r) => r.id),
        ])
      ).rows.map((r) => r.state),
    );
    // The loser is still open: Abai may accept it once it has room.
    expect(states).toEqual(['accepted', 'requested']);
    const reservedInAbai = await scalar(
      api.databaseUrl,
      `SELECT count(*)::int FROM reservation r JOIN quota q ON q.id = r.quota_id
        WHERE q.region_id = $1 AND r.status = 'reserved' AND r.application_id = ANY($2)`,
      [abaiId, families.map((f) => f.applicationId)],
    );
    expect(reservedInAbai).toBe(1);
  });

  it('moves the family once when the same request is accepted twice at once', async () => {
    // Room again in Abai (the race above filled it).
    await withDb(api.databaseUrl, (db) =>
      db.query(
        `UPDATE quota SET capacity = capacity + 10 WHERE year = 2026 AND category = 'kandas' AND region_id = $1`,
        [abaiId],
      ),
    );
    const { settlement, applicationId } = await includedFamily(2);
    const asked = (await askMove(settlement).expect(202)).body as { id: number; version: number };
    const abaiBefore = await quota(abaiId);
    const results = await Promise.all(
      [0, 1].map(() =>
        as('official.abai').post(`/api/transfer-requests/${asked.id}/accept`, { version: asked.version }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await quota(abaiId)).toMatchObject({ reserved: abaiBefore.reserved + 2 });
    expect(
      await scalar(api.databaseUrl, 'SELECT count(*)::int FROM reservation WHERE application_id = $1', [applicationId]),
    ).toBe(2);
  });

  describe('batch proposals', () => {
    let batchId: number;
    let proposalId: number;
    let applicationId: number;

    beforeAll(async () => {
      const family = await insertApprovedCase(api.databaseUrl, { regionId: pavlodarId });
      applicationId = family.id;
      const created = await as('caseworker.pavlodar')
        .post('/api/inclusion-requests', {
          applicationId,
          year: 2026,
          preferredRegionIds: [pavlodarId, abaiId],
          consent: true,
        })
        .expect(201);
      batchId = await scalar(
        api.databaseUrl,
        `INSERT INTO placement_batch (year, category, status, progress, families) VALUES (2026, 'kandas', 'proposed', 100, 1) RETURNING id`,
      );
      proposalId = await scalar(
        api.databaseUrl,
        `INSERT INTO placement_proposal (batch_id, inclusion_request_id, proposed_region_id, score) VALUES ($1, $2, $3, 1) RETURNING id`,
        [batchId, created.body.id, pavlodarId],
      );
    });

    const override = (who: string, body: object) =>
      as(who).post(`/api/placement/batches/${batchId}/proposals/${proposalId}/override`, {
        regionId: abaiId,
        reasonCode: 'relatives',
        reason: 'Family asked for Semey',
        ...body,
      });
    const finalRegion = () =>
      scalar(
        api.databaseUrl,
        'SELECT COALESCE(override_region_id, proposed_region_id) FROM placement_proposal WHERE id = $1',
        [proposalId],
      );

    it("turns an official's override into another region into a request the receiving region accepts", async () => {
      await override('official.pavlodar', { regionId: westId }).expect(400);
      const asked = await override('official.pavlodar', {}).expect(202);
      expect(asked.body).toMatchObject({
        kind: 'proposal',
        placementProposalId: proposalId,
        state: 'requested',
        toRegionId: abaiId,
      });
      expect(await finalRegion()).toBe(pavlodarId);
      // Abai's accept of its batch lines does not take the family yet.
      const abaiLines = (await as('official.abai').get(`/api/placement/batches/${batchId}/proposals`).expect(200)).body;
      expect(abaiLines).toEqual([]);
      await as('official.pavlodar')
        .post(`/api/transfer-requests/${asked.body.id}/accept`, { version: asked.body.version })
        .expect(403);
      const accepted = await as('official.abai')
        .post(`/api/transfer-requests/${asked.body.id}/accept`, { version: asked.body.version })
        .expect(200);
      expect(accepted.body.state).toBe('accepted');
      expect(await finalRegion()).toBe(abaiId);
      expect(
        await scalar(api.databaseUrl, 'SELECT override_reason FROM placement_proposal WHERE id = $1', [proposalId]),
      ).toBe('Family asked for Semey');
      expect((await timeline(applicationId)).at(-1)?.code).toBe('timeline.transfer_accepted');
    });

    it('lets the official of the region taking the family override directly (their own quota)', async () => {
      const done = await override('official.pavlodar', { regionId: pavlodarId, reason: 'Back to Pavlodar' }).expect(
        200,
      );
      expect(done.body).toMatchObject({ finalRegionId: pavlodarId });
    });
  });
});
