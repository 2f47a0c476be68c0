import { addPeriod, nameSearchKey, todayInKazakhstan } from '@qonys/domain';
import request from 'supertest';
import { bearer, createUser, regionIdByCode, scalar, withDb } from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';
import { DEMO_PASSWORD, login, type Session } from '../support/auth';

type Case = Record<string, unknown> & {
  id: number;
  number: string | null;
  status: string;
  version: number;
  regionId: number;
  assignedToId: number | null;
  deadlineStage: string | null;
  deadlineDue: string | null;
  deadlinePausedRemaining: number | null;
  daysLeft: number | null;
  overdue: boolean;
  members: { personId: number; relation: string; active: boolean; person: Record<string, unknown> }[];
  availableTransitions: { name: string; to: string; requires: string[]; legalGroundKind: string | null }[];
  certificate: {
    number: string;
    issuedOn: string;
    validFrom: string;
    validTo: string;
    revokedAt: string | null;
  } | null;
};

const today = todayInKazakhstan();
const YEAR = today.slice(0, 4);

describe('applications', () => {
  let api: RunningApi;
  const s: Record<string, Session> = {};
  let pavlodarId: number;
  let abaiId: number;
  /** A second Pavlodar caseworker, to tell "my cases" from a colleague's. */
  let colleague: { id: number; session: Session };
  let grounds: Record<string, number>;

  beforeAll(async () => {
    api = await startApi();
    for (const username of [
      'admin',
      'auditor',
      'caseworker.pavlodar',
      'official.pavlodar',
      'caseworker.abai',
      'official.abai',
    ]) {
      s[username] = await login(api.url, username);
    }
    pavlodarId = await regionIdByCode(api.databaseUrl, '55');
    abaiId = await regionIdByCode(api.databaseUrl, '10');
    const user = await createUser(api.url, s.admin.accessToken, {
      role: 'caseworker',
      regionId: pavlodarId,
      password: `${DEMO_PASSWORD}-c`,
    });
    colleague = { id: user.id, session: await login(api.url, user.username, user.password) };
    grounds = await withDb(api.databaseUrl, async (db) => {
      const { rows } = await db.query<{ code: string; id: number }>('SELECT code, id FROM legal_ground');
      return Object.fromEntries(rows.map((r) => [r.code, r.id]));
    });
  });
  afterAll(() => api?.stop());

  const as = (who: string | Session) => {
    const token = typeof who === 'string' ? s[who].accessToken : who.accessToken;
    return {
      get: (path: string) => request(api.url).get(path).set(bearer(token)),
      post: (path: string, body: object) => request(api.url).post(path).set(bearer(token)).send(body),
      put: (path: string, body: object) => request(api.url).put(path).set(bearer(token)).send(body),
      del: (path: string) => request(api.url).delete(path).set(bearer(token)),
    };
  };

  let personCount = 0;
  /** A person row straight in the table, as the persons module would store it. */
  async function newPerson(
    regionCode: '55' | '10',
    fields: { surname?: string; givenName?: string; ethnicity?: string; iin?: string; documentKey?: string } = {},
  ): Promise<number> {
    personCount++;
    const surname = fields.surname ?? `Оспанов${'а'.repeat(personCount % 3)}`;
    const givenName = fields.givenName ?? `Ерлан${personCount}`;
    const regionId = regionCode === '55' ? pavlodarId : abaiId;
    return scalar<number>(
      api.databaseUrl,
      `INSERT INTO person (surname, given_name, surname_latin, given_name_latin, birth_date, sex, iin, ethnicity, region_id,
                           search_key, document_key)
       VALUES ($1, $2, $1, $2, '1985-04-12', 'M', $3, $4, $5, $6, $7) RETURNING id`,
      [
        surname,
        givenName,
        fields.iin ?? null,
        fields.ethnicity ?? 'kazakh',
        regionId,
        nameSearchKey(`${surname} ${givenName}`),
        fields.documentKey ?? null,
      ],
    );
  }

  async function createCase(who: string | Session, body: Record<string, unknown>): Promise<Case> {
    const response = await as(who).post('/api/applications', body);
    if (response.status !== 201) throw new Error(`create case: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as Case;
  }

  /** A Pavlodar draft with a fresh applicant (and `extra` members). */
  async function pavlodarDraft(
    extra: { relation: string; ethnicity?: string }[] = [],
    who = 'caseworker.pavlodar',
  ): Promise<Case> {
    const applicantId = await newPerson('55');
    const members = [{ personId: applicantId, relation: 'applicant' }];
    for (const m of extra)
      members.push({ personId: await newPerson('55', { ethnicity: m.ethnicity }), relation: m.relation });
    return createCase(who, { channel: 'egov', applicantId, members });
  }

  /** POST a transition from the case's current version. */
  async function move(who: string | Session, id: number, to: string, extra: Record<string, unknown> = {}) {
    const current = await as('admin').get(`/api/applications/${id}`).expect(200);
    return as(who).post(`/api/applications/${id}/transitions`, { to, version: current.body.version, ...extra });
  }

  async function moveOk(
    who: string | Session,
    id: number,
    to: string,
    extra: Record<string, unknown> = {},
  ): Promise<Case> {
    const response = await move(who, id, to, extra);
    if (response.status !== 200) throw new Error(`→ ${to}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as Case;
  }

  /** Verified documents for every checklist item (a fake file in the store). */
  const completeChecklist = (applicationId: number) =>
    withDb(api.databaseUrl, (db) =>
      db.query(
        `INSERT INTO document (application_id, person_id, document_type_id, file_name, content_type, size_bytes, sha256,
                               storage_key, status)
         SELECT $1, m.person_id, t.id, t.key || '.pdf', 'application/pdf', 1024, repeat('a', 64), 'test/' || t.key, 'verified'
           FROM document_type t
           LEFT JOIN application_member m ON t.scope = 'member' AND m.application_id = $1 AND m.active`,
        [applicationId],
      ),
    );

  async function approvedCase(): Promise<Case> {
    const draft = await pavlodarDraft([{ relation: 'spouse' }]);
    await moveOk('caseworker.pavlodar', draft.id, 'submitted');
    await moveOk('caseworker.pavlodar', draft.id, 'under_review');
    await completeChecklist(draft.id);
    return moveOk('caseworker.pavlodar', draft.id, 'approved');
  }

  const workingDaysFromToday = async (days: number): Promise<string> =>
    (await as('admin').get(`/api/calendar/add-working-days?from=${today}&days=${days}`).expect(200)).body.date;

  const timelineOf = async (id: number) =>
    (await as('admin').get(`/api/applications/${id}/timeline?range=[0,499]`).expect(200)).body as {
      type: string;
      transition: string | null;
      fromStatus: string | null;
      toStatus: string | null;
      comment: string | null;
      actorUsername: string | null;
      data: Record<string, unknown> | null;
    }[];

  /** The case's audited changes; its reads are audited too (personal-data-reads.e2e-spec), left out here. */
  const auditActions = (id: number) =>
    withDb(api.databaseUrl, async (db) => {
      const { rows } = await db.query<{ action: string }>(
        `SELECT action FROM audit_event WHERE entity_type = 'application' AND entity_id = $1
            AND action NOT IN ('application.view', 'application.timeline_view') ORDER BY id`,
        [String(id)],
      );
      return rows.map((r) => r.action);
    });

  const listAs = async (who: string | Session, filter: Record<string, unknown> = {}, extra = '') => {
    const response = await as(who)
      .get(`/api/applications?range=[0,499]&filter=${encodeURIComponent(JSON.stringify(filter))}${extra}`)
      .expect(200);
    const total = Number(/\/(\d+)$/.exec(response.headers['content-range'] as string)?.[1]);
    return { rows: response.body as Case[], ids: (response.body as Case[]).map((r) => r.id), total };
  };

  describe('the whole path: draft → certificate', () => {
    let applicantId: number;
    let draft: Case;

    it('creates a draft with the family, the applicant first and another ethnicity marked', async () => {
      applicantId = await newPerson('55', { surname: 'Сейітов', givenName: 'Нұрлан' });
      const spouseId = await newPerson('55', { surname: 'Иванова', givenName: 'Мария', ethnicity: 'russian' });
      const childId = await newPerson('55', { surname: 'Сейітова', givenName: 'Айым' });
      draft = await createCase('caseworker.pavlodar', {
        channel: 'public_service_centre',
        applicantId,
        members: [
          { personId: spouseId, relation: 'spouse' },
          { personId: childId, relation: 'child' },
        ],
      });
      expect(draft).toMatchObject({
        number: null,
        status: 'draft',
        channel: 'public_service_centre',
        regionId: pavlodarId,
        assignedToId: null,
        applicantId,
        applicantName: 'Сейітов Нұрлан',
        memberCount: 3,
        deadlineDue: null,
        daysLeft: null,
        overdue: false,
        certificate: null,
        version: 1,
      });
      expect(draft.members.map((m) => [m.personId, m.relation, m.active])).toEqual([
        [applicantId, 'applicant', true],
        [spouseId, 'spouse', true],
        [childId, 'child', true],
      ]);
      expect(draft.members[1].person).toMatchObject({
        id: spouseId,
        surname: 'Иванова',
        givenName: 'Мария',
        ethnicity: 'russian',
        sex: 'M',
        birthDate: '1985-04-12',
      });
      expect(draft.availableTransitions).toEqual([
        { name: 'submit', to: 'submitted', requires: ['has_members'], legalGroundKind: null },
        { name: 'withdraw', to: 'withdrawn', requires: ['comment'], legalGroundKind: null },
      ]);
    });

    it('submits: a KND number and the completeness-check deadline in working days', async () => {
      const submitted = await moveOk('caseworker.pavlodar', draft.id, 'submitted');
      expect(submitted.number).toMatch(new RegExp(`^KND-${YEAR}-\\d{6}$`));
      expect(submitted).toMatchObject({
        status: 'submitted',
        deadlineStage: 'completeness_check',
        deadlineDue: await workingDaysFromToday(1),
        daysLeft: 1,
        overdue: false,
        submittedAt: expect.any(String),
        version: 2,
      });
      expect(submitted.availableTransitions.map((t) => t.name)).toEqual([
        'accept',
        'accept_to_commission',
        'refuse_acceptance',
        'withdraw',
      ]);
      expect(submitted.availableTransitions.find((t) => t.name === 'refuse_acceptance')).toEqual({
        name: 'refuse_acceptance',
        to: 'acceptance_refused',
        requires: ['legal_ground', 'comment'],
        legalGroundKind: 'refuse_acceptance',
      });
    });

    it('accepts: the decision deadline starts', async () => {
      const accepted = await moveOk('caseworker.pavlodar', draft.id, 'under_review');
      expect(accepted).toMatchObject({
        status: 'under_review',
        deadlineStage: 'status_decision',
        deadlineDue: await workingDaysFromToday(5),
        daysLeft: 5,
      });
    });

    it('requesting information needs a comment, and pauses the clock', async () => {
      const refused = await move('caseworker.pavlodar', draft.id, 'information_requested');
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toHaveProperty('comment');
      const paused = await moveOk('caseworker.pavlodar', draft.id, 'information_requested', {
        comment: 'Нотариат куәландырған аударма керек',
      });
      expect(paused).toMatchObject({
        status: 'information_requested',
        deadlineStage: 'status_decision',
        deadlineDue: null,
        deadlinePausedRemaining: 5,
        daysLeft: null,
        overdue: false,
      });
    });

    it('receiving the information resumes the clock with the days that were left', async () => {
      const resumed = await moveOk('caseworker.pavlodar', draft.id, 'under_review', { comment: 'Аударма алынды' });
      expect(resumed).toMatchObject({
        status: 'under_review',
        deadlineDue: await workingDaysFromToday(5),
        deadlinePausedRemaining: null,
        daysLeft: 5,
      });
    });

    it('refuses approval while the checklist is incomplete: 400 errors.checklist', async () => {
      const response = await move('caseworker.pavlodar', draft.id, 'approved');
      expect(response.status).toBe(400);
      expect(response.body.errors.checklist).toContain('application_form');
      expect((await as('admin').get(`/api/applications/${draft.id}`).expect(200)).body.status).toBe('under_review');
    });

    it('approves once every document is verified: status for a year and a certificate', async () => {
      await completeChecklist(draft.id);
      const approved = await moveOk('caseworker.pavlodar', draft.id, 'approved', {
        comment: 'Барлық құжаттар тексерілді',
      });
      const validTo = addPeriod(today, 1, 'years');
      expect(approved).toMatchObject({
        status: 'approved',
        deadlineStage: null,
        deadlineDue: null,
        daysLeft: null,
        statusValidFrom: today,
        statusValidTo: validTo,
        decidedAt: expect.any(String),
        decisionComment: 'Барлық құжаттар тексерілді',
        legalGroundId: null,
      });
      expect(approved.certificate).toEqual({
        number: expect.stringMatching(new RegExp(`^QK-${YEAR}-[2-9A-HJKMNP-TW-Z]{8}$`)),
        issuedOn: today,
        validFrom: today,
        validTo,
        revokedAt: null,
      });
      expect(approved.availableTransitions.map((t) => t.name)).toEqual(['extend', 'expire', 'revoke']);
      expect(approved.members.every((m) => m.active)).toBe(true);
      const initials = await scalar<string>(
        api.databaseUrl,
        'SELECT holder_initials FROM certificate WHERE application_id = $1',
        [draft.id],
      );
      expect(initials).toBe('Н. С.');
    });

    it('keeps every step on the timeline with its actor, and in the audit log', async () => {
      const timeline = await timelineOf(draft.id);
      expect(timeline.map((e) => [e.type, e.transition, e.fromStatus, e.toStatus])).toEqual([
        ['created', null, null, 'draft'],
        ['transition', 'submit', 'draft', 'submitted'],
        ['transition', 'accept', 'submitted', 'under_review'],
        ['transition', 'request_information', 'under_review', 'information_requested'],
        ['transition', 'receive_information', 'information_requested', 'under_review'],
        ['transition', 'approve', 'under_review', 'approved'],
      ]);
      expect(timeline.every((e) => e.actorUsername === 'caseworker.pavlodar')).toBe(true);
      expect(timeline[3].comment).toBe('Нотариат куәландырған аударма керек');
      expect(timeline[5].data).toMatchObject({ certificateNumber: expect.stringMatching(/^QK-/) });
      expect(await auditActions(draft.id)).toEqual(['application.create', ...Array(5).fill('application.transition')]);
      const changes = await scalar<Record<string, { before: unknown; after: unknown }>>(
        api.databaseUrl,
        `SELECT changes FROM audit_event WHERE entity_type = 'application' AND entity_id = $1 AND action = 'application.transition' ORDER BY id LIMIT 1`,
        [String(draft.id)],
      );
      expect(changes).toMatchObject({
        transition: { before: null, after: 'submit' },
        status: { before: 'draft', after: 'submitted' },
      });
    });

    it('refuses a stale version with 409 and changes nothing', async () => {
      const current = (await as('admin').get(`/api/applications/${draft.id}`).expect(200)).body as Case;
      const response = await as('caseworker.pavlodar').post(`/api/applications/${draft.id}/transitions`, {
        to: 'revoked',
        legalGroundId: grounds.false_information_found,
        comment: 'x',
        version: current.version - 1,
      });
      expect(response.status).toBe(409);
      expect((await as('admin').get(`/api/applications/${draft.id}`).expect(200)).body).toMatchObject({
        status: 'approved',
        version: current.version,
      });
    });
  });

  describe('transitions refused by the state machine or the role', () => {
    it('draft → approved is no transition: 409 errors.to', async () => {
      const draft = await pavlodarDraft();
      const response = await move('caseworker.pavlodar', draft.id, 'approved');
      expect(response.status).toBe(409);
      expect(response.body.errors).toHaveProperty('to');
    });

    it('an unknown status: 400 errors.to', async () => {
      const draft = await pavlodarDraft();
      const response = await move('caseworker.pavlodar', draft.id, 'granted');
      expect(response.status).toBe(400);
      expect(response.body.errors).toHaveProperty('to');
    });

    it.each(['official.pavlodar', 'auditor'])('%s may not move a case: 403', async (username) => {
      const draft = await pavlodarDraft();
      const response = await move(username, draft.id, 'submitted');
      expect(response.status).toBe(403);
      expect((await as('admin').get(`/api/applications/${draft.id}`).expect(200)).body.status).toBe('draft');
    });

    it('offers no transitions to read-only roles', async () => {
      const draft = await pavlodarDraft();
      for (const username of ['official.pavlodar', 'auditor']) {
        expect((await as(username).get(`/api/applications/${draft.id}`).expect(200)).body.availableTransitions).toEqual(
          [],
        );
      }
    });
  });

  describe('refusal to accept, the commission, rejection', () => {
    it('refusing to accept needs a ground of kind refuse_acceptance, then frees the family', async () => {
      const draft = await pavlodarDraft([{ relation: 'child' }]);
      await moveOk('caseworker.pavlodar', draft.id, 'submitted');
      const noGround = await move('caseworker.pavlodar', draft.id, 'acceptance_refused', { comment: 'Толық емес' });
      expect(noGround.status).toBe(400);
      expect(noGround.body.errors).toHaveProperty('legalGroundId');
      const wrongKind = await move('caseworker.pavlodar', draft.id, 'acceptance_refused', {
        comment: 'Толық емес',
        legalGroundId: grounds.false_information,
      });
      expect(wrongKind.status).toBe(400);
      expect(wrongKind.body.errors.legalGroundId).toContain('refuse_acceptance');
      const refused = await moveOk('caseworker.pavlodar', draft.id, 'acceptance_refused', {
        comment: 'Өмірбаян жоқ',
        legalGroundId: grounds.incomplete_documents,
      });
      expect(refused).toMatchObject({
        status: 'acceptance_refused',
        legalGroundId: grounds.incomplete_documents,
        decisionComment: 'Өмірбаян жоқ',
        deadlineStage: null,
        deadlineDue: null,
        availableTransitions: [],
      });
      expect(refused.members.every((m) => !m.active)).toBe(true);
    });

    it('the commission path: 3 working days, a recommendation with the minutes, then rejection only with a reject ground', async () => {
      const draft = await pavlodarDraft();
      await moveOk('caseworker.pavlodar', draft.id, 'submitted');
      const commission = await moveOk('caseworker.pavlodar', draft.id, 'commission_review');
      expect(commission).toMatchObject({
        status: 'commission_review',
        deadlineStage: 'commission_review',
        deadlineDue: await workingDaysFromToday(3),
        daysLeft: 3,
      });
      const noMinutes = await move('caseworker.pavlodar', draft.id, 'under_review');
      expect(noMinutes.status).toBe(400);
      expect(noMinutes.body.errors).toHaveProperty('comment');
      const recommended = await moveOk('caseworker.pavlodar', draft.id, 'under_review', { comment: 'Хаттама № 12' });
      expect(recommended).toMatchObject({ status: 'under_review', deadlineStage: 'status_decision' });

      const noGround = await move('caseworker.pavlodar', draft.id, 'rejected', { comment: 'Жалған мәлімет' });
      expect(noGround.status).toBe(400);
      expect(noGround.body.errors).toHaveProperty('legalGroundId');
      const wrongKind = await move('caseworker.pavlodar', draft.id, 'rejected', {
        comment: 'x',
        legalGroundId: grounds.incomplete_documents,
      });
      expect(wrongKind.status).toBe(400);
      expect(wrongKind.body.errors).toHaveProperty('legalGroundId');
      const bare = await move('caseworker.pavlodar', draft.id, 'rejected', {
        legalGroundId: grounds.false_information,
      });
      expect(bare.status).toBe(400);
      expect(bare.body.errors).toHaveProperty('comment');
      const rejected = await moveOk('caseworker.pavlodar', draft.id, 'rejected', {
        comment: 'Жалған мәлімет',
        legalGroundId: grounds.false_information,
      });
      expect(rejected).toMatchObject({
        status: 'rejected',
        legalGroundId: grounds.false_information,
        deadlineDue: null,
        decidedAt: expect.any(String),
      });
      expect(rejected.members.every((m) => !m.active)).toBe(true);
      expect((await timelineOf(draft.id)).map((e) => e.transition).filter(Boolean)).toEqual([
        'submit',
        'accept_to_commission',
        'commission_recommend',
        'reject',
      ]);
    });

    it('a ground that is no longer in force is refused', async () => {
      const id = await scalar<number>(
        api.databaseUrl,
        `INSERT INTO legal_ground (kind, code, name_kk, name_ru, name_en, source, source_kk, source_ru, source_en, valid_to)
         VALUES ('reject', 'old_ground', 'Ескі', 'Старое', 'Old', 'test', 'test', 'test', 'test', '2020-12-31') RETURNING id`,
      );
      const draft = await pavlodarDraft();
      await moveOk('caseworker.pavlodar', draft.id, 'submitted');
      await moveOk('caseworker.pavlodar', draft.id, 'under_review');
      const response = await move('caseworker.pavlodar', draft.id, 'rejected', { comment: 'x', legalGroundId: id });
      expect(response.status).toBe(400);
      expect(response.body.errors.legalGroundId).toContain('not in force');
    });
  });

  describe('after approval: extension, expiry, revocation', () => {
    it('extends once within the window, by the configured months, and the certificate with it', async () => {
      const approved = await approvedCase();
      const tooEarly = await move('caseworker.pavlodar', approved.id, 'approved', { comment: 'Ұзарту' });
      expect(tooEarly.status).toBe(400);
      expect(tooEarly.body.errors.to).toContain('window');
      const validTo = addPeriod(today, 1, 'months');
      await withDb(api.databaseUrl, (db) =>
        db.query('UPDATE application SET status_valid_to = $2 WHERE id = $1', [approved.id, validTo]),
      );
      const extended = await moveOk('caseworker.pavlodar', approved.id, 'approved', { comment: 'Ұзарту' });
      expect(extended).toMatchObject({
        status: 'approved',
        statusValidTo: addPeriod(validTo, 3, 'months'),
        extensionCount: 1,
      });
      expect(extended.certificate?.validTo).toBe(addPeriod(validTo, 3, 'months'));
      const again = await move('caseworker.pavlodar', approved.id, 'approved', { comment: 'Тағы' });
      expect(again.status).toBe(400);
      expect(again.body.errors.to).toContain('extended');
    });

    it('expires only after the validity has passed, and frees the family', async () => {
      const approved = await approvedCase();
      const early = await move('caseworker.pavlodar', approved.id, 'expired');
      expect(early.status).toBe(400);
      await withDb(api.databaseUrl, (db) =>
        db.query(`UPDATE application SET status_valid_to = $2::date - 1 WHERE id = $1`, [approved.id, today]),
      );
      const expired = await moveOk('caseworker.pavlodar', approved.id, 'expired');
      expect(expired.status).toBe('expired');
      expect(expired.members.every((m) => !m.active)).toBe(true);
      expect(expired.certificate?.revokedAt).toBeNull();
    });

    it('revokes with a ground of kind revoke: the certificate is revoked', async () => {
      const approved = await approvedCase();
      const wrongKind = await move('caseworker.pavlodar', approved.id, 'revoked', {
        comment: 'x',
        legalGroundId: grounds.false_information,
      });
      expect(wrongKind.status).toBe(400);
      const revoked = await moveOk('caseworker.pavlodar', approved.id, 'revoked', {
        comment: 'Азаматтық алды',
        legalGroundId: grounds.citizenship_obtained,
      });
      expect(revoked).toMatchObject({ status: 'revoked', legalGroundId: grounds.citizenship_obtained });
      expect(revoked.certificate?.revokedAt).toEqual(expect.any(String));
    });
  });

  describe('one active case per person', () => {
    it('refuses a second active case for a person with 409 errors.members naming the person and the case', async () => {
      const personId = await newPerson('55', { surname: 'Жұмабаев', givenName: 'Мағжан' });
      const first = await createCase('caseworker.pavlodar', { channel: 'in_person', applicantId: personId });
      const asDraft = await as('caseworker.pavlodar').post('/api/applications', {
        channel: 'egov',
        applicantId: await newPerson('55'),
        members: [{ personId, relation: 'sibling' }],
      });
      expect(asDraft.status).toBe(409);
      expect(asDraft.body.errors.members).toContain('Жұмабаев Мағжан');
      expect(asDraft.body.errorCodes.members).toEqual({
        code: 'application.person_in_active_case',
        params: expect.objectContaining({ case: `#${first.id}` }),
      });
      const submitted = await moveOk('caseworker.pavlodar', first.id, 'submitted');
      const again = await as('caseworker.pavlodar').post('/api/applications', {
        channel: 'egov',
        applicantId: personId,
      });
      expect(again.status).toBe(409);
      expect(again.body.errors.members).toContain(submitted.number);
    });

    it('lets only one of several simultaneous cases take the same person', async () => {
      const personId = await newPerson('55');
      const applicants = await Promise.all([1, 2, 3, 4].map(() => newPerson('55')));
      const responses = await Promise.all(
        applicants.map((applicantId) =>
          as('caseworker.pavlodar').post('/api/applications', {
            channel: 'egov',
            applicantId,
            members: [{ personId, relation: 'child' }],
          }),
        ),
      );
      expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
      for (const r of responses.filter((r) => r.status === 409)) expect(r.body.errors).toHaveProperty('members');
      const active = await scalar<number>(
        api.databaseUrl,
        'SELECT count(*)::int FROM application_member WHERE person_id = $1 AND active',
        [personId],
      );
      expect(active).toBe(1);
    });

    it('withdrawal releases the family: the person can then join a new case', async () => {
      const personId = await newPerson('55');
      const first = await createCase('caseworker.pavlodar', { channel: 'egov', applicantId: personId });
      await moveOk('caseworker.pavlodar', first.id, 'submitted');
      const noComment = await move('caseworker.pavlodar', first.id, 'withdrawn');
      expect(noComment.status).toBe(400);
      const withdrawn = await moveOk('caseworker.pavlodar', first.id, 'withdrawn', {
        comment: 'Өтініш иесінің сұрауы бойынша',
      });
      expect(withdrawn).toMatchObject({ status: 'withdrawn', deadlineDue: null, decidedAt: null });
      expect(withdrawn.members).toEqual([expect.objectContaining({ personId, active: false })]);
      const second = await createCase('caseworker.pavlodar', { channel: 'egov', applicantId: personId });
      expect(second.members).toEqual([expect.objectContaining({ personId, relation: 'applicant', active: true })]);
    });

    it('refuses persons of another region, merged persons, and a family listed wrongly', async () => {
      const abaiPerson = await newPerson('10');
      const foreign = await as('caseworker.pavlodar').post('/api/applications', {
        channel: 'egov',
        applicantId: abaiPerson,
      });
      expect(foreign.status).toBe(400);
      expect(foreign.body.errors).toHaveProperty('applicantId');
      const target = await newPerson('55');
      const merged = await newPerson('55');
      await withDb(api.databaseUrl, (db) =>
        db.query('UPDATE person SET merged_into_id = $2 WHERE id = $1', [merged, target]),
      );
      const mergedResponse = await as('caseworker.pavlodar').post('/api/applications', {
        channel: 'egov',
        applicantId: await newPerson('55'),
        members: [{ personId: merged, relation: 'child' }],
      });
      expect(mergedResponse.status).toBe(400);
      expect(mergedResponse.body.errors.members).toContain(`merged into person ${target}`);
      const applicantId = await newPerson('55');
      const twice = await as('caseworker.pavlodar').post('/api/applications', {
        channel: 'egov',
        applicantId,
        members: [{ personId: applicantId, relation: 'spouse' }],
      });
      expect(twice.status).toBe(400);
      expect(twice.body.errors).toHaveProperty(['members.0.relation']);
    });
  });

  describe('edits and the family of a draft', () => {
    it('PUT changes only channel and assignee, with timeline events; a stale version gets 409', async () => {
      const draft = await pavlodarDraft();
      const updated = await as('caseworker.pavlodar')
        .put(`/api/applications/${draft.id}`, {
          channel: 'mission_abroad',
          assignedToId: s['caseworker.pavlodar'].user.id,
          version: draft.version,
        })
        .expect(200);
      expect(updated.body).toMatchObject({
        channel: 'mission_abroad',
        assignedToId: s['caseworker.pavlodar'].user.id,
        assignedToName: 'Гүлнар Оспанова',
        version: 2,
      });
      const stale = await as('caseworker.pavlodar').put(`/api/applications/${draft.id}`, {
        channel: 'egov',
        version: draft.version,
      });
      expect(stale.status).toBe(409);
      const extra = await as('caseworker.pavlodar').put(`/api/applications/${draft.id}`, {
        channel: 'egov',
        status: 'approved',
        version: 2,
      });
      expect(extra.status).toBe(400);
      const foreignAssignee = await as('caseworker.pavlodar').put(`/api/applications/${draft.id}`, {
        channel: 'egov',
        assignedToId: s['caseworker.abai'].user.id,
        version: 2,
      });
      expect(foreignAssignee.status).toBe(400);
      expect(foreignAssignee.body.errors).toHaveProperty('assignedToId');
      const officialAssignee = await as('caseworker.pavlodar').put(`/api/applications/${draft.id}`, {
        channel: 'egov',
        assignedToId: s['official.pavlodar'].user.id,
        version: 2,
      });
      expect(officialAssignee.status).toBe(400);
      expect((await timelineOf(draft.id)).map((e) => e.type)).toEqual(['created', 'updated', 'assignment']);
      expect(await auditActions(draft.id)).toEqual(['application.create', 'application.update']);
    });

    it('adds and removes members only while a draft', async () => {
      const draft = await pavlodarDraft();
      const childId = await newPerson('55', { ethnicity: 'uzbek' });
      const added = await as('caseworker.pavlodar')
        .post(`/api/applications/${draft.id}/members`, { personId: childId, relation: 'child' })
        .expect(201);
      expect(added.body.memberCount).toBe(2);
      expect(added.body.members[1]).toMatchObject({
        personId: childId,
        relation: 'child',
        person: { ethnicity: 'uzbek' },
      });
      const asApplicant = await as('caseworker.pavlodar').post(`/api/applications/${draft.id}/members`, {
        personId: await newPerson('55'),
        relation: 'applicant',
      });
      expect(asApplicant.status).toBe(400);
      const duplicate = await as('caseworker.pavlodar').post(`/api/applications/${draft.id}/members`, {
        personId: childId,
        relation: 'child',
      });
      expect(duplicate.status).toBe(409);
      const applicantOut = await as('caseworker.pavlodar').del(
        `/api/applications/${draft.id}/members/${draft.applicantId}`,
      );
      expect(applicantOut.status).toBe(409);
      const removed = await as('caseworker.pavlodar')
        .del(`/api/applications/${draft.id}/members/${childId}`)
        .expect(200);
      expect(removed.body.memberCount).toBe(1);
      await as('caseworker.pavlodar').del(`/api/applications/${draft.id}/members/${childId}`).expect(404);
      await as('caseworker.pavlodar')
        .post(`/api/applications/${draft.id}/members`, { personId: childId, relation: 'child' })
        .expect(201);
      await moveOk('caseworker.pavlodar', draft.id, 'submitted');
      const late = await as('caseworker.pavlodar').post(`/api/applications/${draft.id}/members`, {
        personId: await newPerson('55'),
        relation: 'child',
      });
      expect(late.status).toBe(409);
      await as('caseworker.pavlodar').del(`/api/applications/${draft.id}/members/${childId}`).expect(409);
      const timeline = await timelineOf(draft.id);
      expect(timeline.filter((e) => e.type === 'member').map((e) => Object.keys(e.data ?? {})[0])).toEqual([
        'added',
        'removed',
        'added',
      ]);
      expect(await auditActions(draft.id)).toEqual([
        'application.create',
        'application.member_add',
        'application.member_remove',
        'application.member_add',
        'application.transition',
      ]);
    });

    it('adds notes to the timeline, audited; read-only roles may not', async () => {
      const draft = await pavlodarDraft();
      const note = await as('caseworker.pavlodar')
        .post(`/api/applications/${draft.id}/notes`, { comment: 'Өтініш иесі қоңырау шалды' })
        .expect(201);
      expect(note.body).toMatchObject({
        type: 'note',
        comment: 'Өтініш иесі қоңырау шалды',
        actorUsername: 'caseworker.pavlodar',
        applicationId: draft.id,
      });
      await as('caseworker.pavlodar').post(`/api/applications/${draft.id}/notes`, { comment: '   ' }).expect(400);
      await as('official.pavlodar').post(`/api/applications/${draft.id}/notes`, { comment: 'x' }).expect(403);
      await as('auditor').post(`/api/applications/${draft.id}/notes`, { comment: 'x' }).expect(403);
      const timeline = await timelineOf(draft.id);
      expect(timeline.at(-1)).toMatchObject({
        type: 'note',
        comment: 'Өтініш иесі қоңырау шалды',
        actorUsername: 'caseworker.pavlodar',
      });
      expect(await auditActions(draft.id)).toEqual(['application.create', 'application.note']);
    });

    it('region: an admin names it, a region-scoped caller may not', async () => {
      const abaiApplicant = await newPerson('10');
      const byAdmin = await createCase('admin', { channel: 'egov', applicantId: abaiApplicant, regionId: abaiId });
      expect(byAdmin.regionId).toBe(abaiId);
      const noRegion = await as('admin').post('/api/applications', {
        channel: 'egov',
        applicantId: await newPerson('10'),
      });
      expect(noRegion.status).toBe(400);
      expect(noRegion.body.errors).toHaveProperty('regionId');
      const sends = await as('caseworker.pavlodar').post('/api/applications', {
        channel: 'egov',
        applicantId: await newPerson('55'),
        regionId: pavlodarId,
      });
      expect(sends.status).toBe(400);
      expect(sends.body.errors).toHaveProperty('regionId');
    });
  });

  describe('region scoping: Pavlodar vs Abai', () => {
    let pavlodarCase: Case;
    let abaiCase: Case;

    beforeAll(async () => {
      pavlodarCase = await pavlodarDraft([{ relation: 'spouse' }]);
      abaiCase = await createCase('caseworker.abai', { channel: 'egov', applicantId: await newPerson('10') });
    });

    it('answers 404 for every route on a case of another region, and changes nothing', async () => {
      const abai = as('caseworker.abai');
      const id = pavlodarCase.id;
      const before = await scalar<number>(api.databaseUrl, 'SELECT version FROM application WHERE id = $1', [id]);
      const events = await scalar<number>(
        api.databaseUrl,
        'SELECT count(*)::int FROM application_event WHERE application_id = $1',
        [id],
      );
      const statuses = [
        (await abai.get(`/api/applications/${id}`)).status,
        (await abai.put(`/api/applications/${id}`, { channel: 'egov', version: pavlodarCase.version })).status,
        (await abai.post(`/api/applications/${id}/transitions`, { to: 'submitted', version: pavlodarCase.version }))
          .status,
        (await abai.post(`/api/applications/${id}/notes`, { comment: 'x' })).status,
        (await abai.get(`/api/applications/${id}/timeline`)).status,
        (await abai.post(`/api/applications/${id}/members`, { personId: await newPerson('10'), relation: 'child' }))
          .status,
        (await abai.del(`/api/applications/${id}/members/${pavlodarCase.members[1].personId}`)).status,
        (await abai.post('/api/applications/assign', { ids: [abaiCase.id, id], assignedToId: null })).status,
        (await as('official.abai').get(`/api/applications/${id}`)).status,
      ];
      expect(statuses).toEqual([404, 404, 404, 404, 404, 404, 404, 404, 404]);
      expect(await scalar<number>(api.databaseUrl, 'SELECT version FROM application WHERE id = $1', [id])).toBe(before);
      expect(
        await scalar<number>(api.databaseUrl, 'SELECT count(*)::int FROM application_event WHERE application_id = $1', [
          id,
        ]),
      ).toBe(events);
    });

    it('lists and counts only the own region; nationwide roles see all', async () => {
      const counts = await withDb(api.databaseUrl, async (db) => {
        const { rows } = await db.query<{ region_id: number; n: number }>(
          'SELECT region_id, count(*)::int AS n FROM application GROUP BY region_id',
        );
        return Object.fromEntries(rows.map((r) => [r.region_id, r.n]));
      });
      for (const [username, regionId] of [
        ['caseworker.abai', abaiId],
        ['official.abai', abaiId],
        ['caseworker.pavlodar', pavlodarId],
        ['official.pavlodar', pavlodarId],
      ] as const) {
        const { rows, total } = await listAs(username);
        expect({ username, total }).toEqual({ username, total: counts[regionId] });
        expect(rows.every((r) => r.regionId === regionId)).toBe(true);
        // Asking for the other region's cases does not widen the scope.
        const other = await listAs(username, { regionId: regionId === abaiId ? pavlodarId : abaiId });
        expect(other.total).toBe(0);
      }
      const all = await listAs('auditor');
      expect(all.total).toBe(Object.values(counts).reduce((a, b) => a + b, 0));
      expect(all.ids).toEqual(expect.arrayContaining([pavlodarCase.id, abaiCase.id]));
    });

    it('finds nothing of another region by search either', async () => {
      const submitted = await moveOk('caseworker.pavlodar', pavlodarCase.id, 'submitted');
      expect((await listAs('caseworker.abai', { q: submitted.number })).total).toBe(0);
      expect((await listAs('caseworker.pavlodar', { q: submitted.number })).ids).toEqual([pavlodarCase.id]);
    });
  });

  describe('list, search and queues', () => {
    it('shows each row with applicant name, member count, days left and overdue', async () => {
      const draft = await pavlodarDraft([{ relation: 'child' }, { relation: 'child' }]);
      const submitted = await moveOk('caseworker.pavlodar', draft.id, 'submitted');
      const { rows } = await listAs('caseworker.pavlodar', { id: [draft.id] });
      expect(rows).toEqual([
        expect.objectContaining({
          id: draft.id,
          number: submitted.number,
          applicantName: draft.applicantName,
          memberCount: 3,
          daysLeft: 1,
          overdue: false,
          deadlineDue: submitted.deadlineDue,
        }),
      ]);
      expect(rows[0]).not.toHaveProperty('members');
    });

    it('searches by case number (exact or prefix), by name in any script, by IIN and document number', async () => {
      const applicantId = await newPerson('55', {
        surname: 'Бөкейханов',
        givenName: 'Әлихан',
        iin: '660305300123',
        documentKey: 'N12345678',
      });
      const draft = await createCase('caseworker.pavlodar', { channel: 'egov', applicantId });
      const submitted = await moveOk('caseworker.pavlodar', draft.id, 'submitted');
      expect((await listAs('caseworker.pavlodar', { q: submitted.number })).ids).toEqual([draft.id]);
      expect((await listAs('caseworker.pavlodar', { q: submitted.number!.toLowerCase().slice(0, 12) })).ids).toContain(
        draft.id,
      );
      for (const q of [
        'Бөкейханов Әлихан',
        'Alikhan Bokeikhanov',
        'Бокейханов',
        'bokeikhanov alikhan',
        '660305300123',
        'N 1234-5678',
      ]) {
        expect({ q, ids: (await listAs('caseworker.pavlodar', { q })).ids }).toEqual({ q, ids: [draft.id] });
      }
      expect((await listAs('caseworker.pavlodar', { q: 'KND-1999-' })).total).toBe(0);
    });

    it('filters by status (one or many), channel, assignee, dates; refuses unknown filters and sorts', async () => {
      const draft = await pavlodarDraft();
      expect((await listAs('caseworker.pavlodar', { status: 'draft' })).rows.every((r) => r.status === 'draft')).toBe(
        true,
      );
      const many = await listAs('caseworker.pavlodar', { status: ['draft', 'submitted'] });
      expect(many.rows.every((r) => ['draft', 'submitted'].includes(r.status))).toBe(true);
      expect(many.ids).toContain(draft.id);
      expect(
        (await listAs('caseworker.pavlodar', { channel: 'egov', createdFrom: today, createdTo: today })).ids,
      ).toContain(draft.id);
      expect((await listAs('caseworker.pavlodar', { createdTo: '2020-01-01' })).total).toBe(0);
      const sorted = await listAs('caseworker.pavlodar', {}, '&sort=["deadlineDue","ASC"]');
      expect(sorted.total).toBeGreaterThan(0);
      const unknown = await as('caseworker.pavlodar').get(
        `/api/applications?filter=${encodeURIComponent('{"colour":"red"}')}`,
      );
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors).toHaveProperty(['filter.colour']);
      await as('caseworker.pavlodar')
        .get(`/api/applications?filter=${encodeURIComponent('{"queue":"later"}')}`)
        .expect(400);
      await as('caseworker.pavlodar').get('/api/applications?sort=["applicantName","ASC"]').expect(400);
    });

    it('queues: mine, unassigned, due in 2 working days, overdue', async () => {
      const me = s['caseworker.pavlodar'].user.id;
      const mine = await createCase('caseworker.pavlodar', {
        channel: 'egov',
        applicantId: await newPerson('55'),
        assignedToId: me,
      });
      const theirs = await createCase('caseworker.pavlodar', {
        channel: 'egov',
        applicantId: await newPerson('55'),
        assignedToId: colleague.id,
      });
      const nobodys = await pavlodarDraft();
      const closed = await createCase('caseworker.pavlodar', {
        channel: 'egov',
        applicantId: await newPerson('55'),
        assignedToId: me,
      });
      await moveOk('caseworker.pavlodar', closed.id, 'withdrawn', { comment: 'x' });

      const myQueue = await listAs('caseworker.pavlodar', { queue: 'mine' });
      expect(myQueue.ids).toContain(mine.id);
      expect(myQueue.ids).not.toContain(theirs.id);
      expect(myQueue.ids).not.toContain(closed.id);
      expect(myQueue.rows.every((r) => r.assignedToId === me)).toBe(true);
      expect((await listAs(colleague.session, { queue: 'mine' })).ids).toEqual([theirs.id]);

      const unassigned = await listAs('caseworker.pavlodar', { queue: 'unassigned' });
      expect(unassigned.ids).toContain(nobodys.id);
      expect(unassigned.ids).not.toContain(mine.id);
      expect(unassigned.rows.every((r) => r.assignedToId === null && r.regionId === pavlodarId)).toBe(true);

      const late = await moveOk('caseworker.pavlodar', mine.id, 'submitted');
      const soon = await moveOk('caseworker.pavlodar', theirs.id, 'submitted');
      const later = await moveOk('caseworker.pavlodar', nobodys.id, 'submitted');
      await withDb(api.databaseUrl, async (db) => {
        await db.query(`UPDATE application SET deadline_due = $2::date - 10 WHERE id = $1`, [late.id, today]);
        await db.query(`UPDATE application SET deadline_due = $2::date WHERE id = $1`, [soon.id, today]);
        await db.query(`UPDATE application SET deadline_due = $2::date + 30 WHERE id = $1`, [later.id, today]);
      });

      const overdue = await listAs('caseworker.pavlodar', { queue: 'overdue' });
      expect(overdue.ids).toContain(late.id);
      expect(overdue.ids).not.toContain(soon.id);
      expect(overdue.rows.every((r) => r.overdue && (r.daysLeft ?? 0) < 0)).toBe(true);

      const dueSoon = await listAs('caseworker.pavlodar', { queue: 'due_soon' });
      expect(dueSoon.ids).toContain(soon.id);
      expect(dueSoon.ids).not.toContain(late.id);
      expect(dueSoon.ids).not.toContain(later.id);
      expect(dueSoon.rows.every((r) => r.daysLeft !== null && r.daysLeft >= 0 && r.daysLeft <= 2 && !r.overdue)).toBe(
        true,
      );
      expect(dueSoon.rows.find((r) => r.id === soon.id)).toMatchObject({ daysLeft: 0, overdue: false });

      // Abai's caseworker sees none of these in any queue.
      for (const q of ['mine', 'unassigned', 'due_soon', 'overdue']) {
        expect((await listAs('caseworker.abai', { queue: q })).rows.every((r) => r.regionId === abaiId)).toBe(true);
      }
    });
  });

  describe('bulk assignment', () => {
    it('assigns many cases in one go, with a timeline event and an audit row per case', async () => {
      const a = await pavlodarDraft();
      const b = await pavlodarDraft();
      const response = await as('caseworker.pavlodar')
        .post('/api/applications/assign', { ids: [a.id, b.id], assignedToId: colleague.id })
        .expect(200);
      expect(response.body).toEqual({ updated: 2 });
      for (const c of [a, b]) {
        const shown = (await as('caseworker.pavlodar').get(`/api/applications/${c.id}`).expect(200)).body as Case;
        expect(shown).toMatchObject({ assignedToId: colleague.id, version: 2 });
        expect((await timelineOf(c.id)).at(-1)).toMatchObject({
          type: 'assignment',
          actorUsername: 'caseworker.pavlodar',
          data: { assignedToId: { before: null, after: colleague.id } },
        });
        expect(await auditActions(c.id)).toEqual(['application.create', 'application.assign']);
      }
      const again = await as('caseworker.pavlodar')
        .post('/api/applications/assign', { ids: [a.id, b.id], assignedToId: colleague.id })
        .expect(200);
      expect(again.body).toEqual({ updated: 0 });
      const unassign = await as('caseworker.pavlodar')
        .post('/api/applications/assign', { ids: [a.id], assignedToId: null })
        .expect(200);
      expect(unassign.body).toEqual({ updated: 1 });
    });

    it('refuses an assignee who is not a caseworker of every case region, and a foreign or missing id: nothing changes', async () => {
      const a = await pavlodarDraft();
      const abaiCase = await createCase('caseworker.abai', { channel: 'egov', applicantId: await newPerson('10') });
      const wrongRegion = await as('admin').post('/api/applications/assign', {
        ids: [a.id, abaiCase.id],
        assignedToId: colleague.id,
      });
      expect(wrongRegion.status).toBe(400);
      expect(wrongRegion.body.errors).toHaveProperty('assignedToId');
      await as('caseworker.pavlodar')
        .post('/api/applications/assign', { ids: [a.id, 999_999], assignedToId: colleague.id })
        .expect(404);
      await as('caseworker.pavlodar')
        .post('/api/applications/assign', { ids: [a.id, abaiCase.id], assignedToId: colleague.id })
        .expect(404);
      await as('caseworker.pavlodar')
        .post('/api/applications/assign', { ids: [], assignedToId: colleague.id })
        .expect(400);
      await as('official.pavlodar')
        .post('/api/applications/assign', { ids: [a.id], assignedToId: colleague.id })
        .expect(403);
      expect(await scalar(api.databaseUrl, 'SELECT assigned_to_id FROM application WHERE id = $1', [a.id])).toBeNull();
      expect(await auditActions(a.id)).toEqual(['application.create']);
    });

    it('lists the caseworkers a caller may assign to: their own region only', async () => {
      const mine = (await as('caseworker.pavlodar').get('/api/applications/assignees?range=[0,99]').expect(200))
        .body as { id: number; regionId: number }[];
      expect(mine.map((u) => u.id)).toEqual(expect.arrayContaining([s['caseworker.pavlodar'].user.id, colleague.id]));
      expect(mine.every((u) => u.regionId === pavlodarId)).toBe(true);
      const all = (await as('admin').get('/api/applications/assignees?range=[0,99]').expect(200)).body as {
        id: number;
      }[];
      expect(all.map((u) => u.id)).toContain(s['caseworker.abai'].user.id);
    });
  });
});
