/**
 * The floor of the scale bench (docs/benchmarks.md): a minimal `node:http` + `pg`
 * server answering Qonys's hot paths with the same JSON and the same side effects
 * (the signed-in session checked in the database, the read of personal data appended
 * to the audit chain), but with the SQL a PostgreSQL expert would write for each page:
 * the page's ids from a narrow composite index (index-only, OFFSET over the index
 * entries alone), the wide row, names and member count fetched for those 25 ids only,
 * a capped count that turns into the planner's estimate when large, one search for a
 * name's rows and its count, and the deadline arithmetic once per due date and day.
 * Its indexes are FLOOR_INDEXES (created by the bench before the floor runs).
 *
 *   tsx test/bench/floor-server.ts   (env: DATABASE_URL, JWT_SECRET, AUDIT_CHAIN_KEYS, PORT)
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ACTIVE_STATUSES,
  type ApplicationStatus,
  type HolidayRule,
  isOverdue,
  PERSON_WRITABLE_FIELDS,
  type Role,
  todayInKazakhstan,
  workingDaysLeft,
} from '@qonys/domain';
import { Pool, type PoolClient, types } from 'pg';
import type { Actor } from '../../apps/api/src/common/auth/actor';
import { regionScope } from '../../apps/api/src/common/auth/region-scope';
import { parseKeyRing } from '../../apps/api/src/config/app.config';
import { transitionViews } from '../../apps/api/src/modules/applications/application-view';
import { auditHash, GENESIS_HASH, storedAuditRow } from '../../apps/api/src/modules/audit/audit-hash';
import { parsePersonQuery } from '../../apps/api/src/modules/persons/person-keys';

// Dates as the API sends them: 'YYYY-MM-DD', not a midnight in the server's zone.
types.setTypeParser(1082, (value) => value);

/** Exact totals up to this many rows; above it, the planner's estimate (the UI says "about"). */
export const COUNT_CAP = 1000;

/** The indexes the floor's SQL relies on: one per sort of a region's list, the "mine" queue, names by region. */
export const FLOOR_INDEXES: readonly string[] = [
  'CREATE EXTENSION IF NOT EXISTS btree_gin',
  'CREATE INDEX IF NOT EXISTS floor_application_region_id ON application (region_id, id)',
  'CREATE INDEX IF NOT EXISTS floor_application_region_number ON application (region_id, number, id)',
  'CREATE INDEX IF NOT EXISTS floor_application_region_created ON application (region_id, created_at, id)',
  'CREATE INDEX IF NOT EXISTS floor_application_region_submitted ON application (region_id, submitted_at, id)',
  'CREATE INDEX IF NOT EXISTS floor_application_region_due ON application (region_id, deadline_due, id)',
  `CREATE INDEX IF NOT EXISTS floor_application_assigned_active ON application (assigned_to_id, id)
     WHERE status IN (${ACTIVE_STATUSES.map((s) => `'${s}'`).join(', ')})`,
  'CREATE INDEX IF NOT EXISTS floor_person_region_search ON person USING gin (region_id, search_key gin_trgm_ops)',
];
export const FLOOR_INDEX_NAMES = [
  'floor_application_region_id',
  'floor_application_region_number',
  'floor_application_region_created',
  'floor_application_region_submitted',
  'floor_application_region_due',
  'floor_application_assigned_active',
  'floor_person_region_search',
];

const SORTS: Record<string, string> = {
  id: 'id',
  number: 'number',
  status: 'status',
  createdAt: 'created_at',
  submittedAt: 'submitted_at',
  deadlineDue: 'deadline_due',
};

const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const PERSON_FIELDS = [
  'id',
  ...PERSON_WRITABLE_FIELDS,
  'mergedIntoId',
  'erasedAt',
  'version',
  'createdAt',
  'updatedAt',
];
const PERSON_SELECT = PERSON_FIELDS.map((f) => `p.${snake(f)} AS "${f}"`).join(', ');

const APPLICATION_SELECT = `a.id, a.number, a.status, a.channel, a.correspondence_language, a.region_id, a.assigned_to_id,
  u.full_name AS assignee_name, a.applicant_id, p.surname, p.given_name, p.region_id AS applicant_region_id,
  (SELECT count(*)::int FROM application_member m WHERE m.application_id = a.id) AS member_count,
  a.deadline_stage, a.deadline_due, a.deadline_paused_remaining, a.submitted_at, a.decided_at, a.legal_ground_id,
  a.decision_comment, a.status_valid_from, a.status_valid_to, a.extension_count, a.version, a.created_by,
  a.created_at, a.updated_at`;
const APPLICATION_JOINS = `LEFT JOIN person p ON p.id = a.applicant_id LEFT JOIN app_user u ON u.id = a.assigned_to_id`;

/** The SQL of each page, exported for the bench's EXPLAIN (ANALYZE, BUFFERS). */
export const floorSql = {
  /** A page of cases: ids from the composite index (index-only), then 25 wide rows. */
  listPage(where: string, sort: string, order: 'ASC' | 'DESC', offsetParam: string, limitParam: string): string {
    const column = SORTS[sort];
    const ordering = column === 'id' ? `id ${order}` : `${column} ${order}, id ${order}`;
    return `WITH page AS (SELECT id FROM application WHERE ${where} ORDER BY ${ordering} OFFSET ${offsetParam} LIMIT ${limitParam})
      SELECT ${APPLICATION_SELECT} FROM page JOIN application a ON a.id = page.id ${APPLICATION_JOINS}
      ORDER BY ${ordering.replace(/(\w+) (ASC|DESC)/g, 'a.$1 $2')}`;
  },
  cappedCount: (where: string, capParam: string) =>
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM application WHERE ${where} LIMIT ${capParam}) capped`,
  caseDetail: `SELECT ${APPLICATION_SELECT},
      (SELECT json_agg(json_build_object('personId', m.person_id, 'relation', m.relation, 'active', m.active,
                 'regionId', mp.region_id, 'surname', mp.surname, 'givenName', mp.given_name, 'patronymic', mp.patronymic,
                 'birthDate', mp.birth_date, 'sex', mp.sex, 'iin', mp.iin, 'ethnicity', mp.ethnicity)
                 ORDER BY m.relation <> 'applicant', m.id)
         FROM application_member m JOIN person mp ON mp.id = m.person_id WHERE m.application_id = a.id) AS members,
      (SELECT json_build_object('number', c.number, 'issuedOn', c.issued_on, 'validFrom', c.valid_from,
                 'validTo', c.valid_to, 'revokedAt', c.revoked_at)
         FROM certificate c WHERE c.application_id = a.id) AS certificate
    FROM application a ${APPLICATION_JOINS} WHERE a.id = $1 AND ($2::int IS NULL OR a.region_id = $2::int)`,
  /** Names: the region inside the trigram index (btree_gin), the matches found once for rows and count. */
  personSearch: (words: number) => `WITH m AS MATERIALIZED (
      SELECT id FROM person s WHERE ($1::int IS NULL OR s.region_id = $1::int)
        AND ${Array.from({ length: words }, (_, i) => `$${i + 4} <% s.search_key`).join(' AND ')})
    SELECT (SELECT count(*)::int FROM m) AS total, page.* FROM (
      SELECT ${PERSON_SELECT} FROM person p WHERE p.id IN (SELECT id FROM m ORDER BY id DESC OFFSET $2 LIMIT $3)) page
    RIGHT JOIN (SELECT 1) one ON true ORDER BY page."id" DESC`,
};

interface Config {
  databaseUrl: string;
  jwtSecret: string;
  auditChainKeys: string;
  port?: number;
  poolSize?: number;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const AUDIT_CHAIN_LOCK = 7_262_001;

export async function startFloorServer(config: Config): Promise<{ url: string; stop(): Promise<void> }> {
  const pool = new Pool({
    connectionString: config.databaseUrl,
    max: config.poolSize ?? 10,
    // Short OLTP queries: compiling them (JIT) costs more than it saves. No statement may hang the pool.
    options: '-c jit=off -c statement_timeout=60000 -c idle_in_transaction_session_timeout=60000',
    connectionTimeoutMillis: 30_000,
  });
  const ring = parseKeyRing('AUDIT_CHAIN_KEYS', config.auditChainKeys);
  const chainKey = ring.keys.get(ring.currentId)!;
  const secret = Buffer.from(config.jwtSecret);
  let rules: HolidayRule[] = [];
  let rulesLoaded = 0;
  /** Working days left per due date, for one day: computed once, then looked up. */
  let daysLeft = { today: '', byDue: new Map<string, number>() };

  /** On the request's own client: a second one from the pool would deadlock it once every client waits for one. */
  const holidayRules = async (client: PoolClient): Promise<HolidayRule[]> => {
    if (Date.now() - rulesLoaded < 60_000) return rules;
    const rows = (
      await client.query<{
        kind: HolidayRule['kind'];
        month: number | null;
        day: number | null;
        date: string | null;
        moves_if_weekend: boolean;
        valid_from: string | null;
        valid_to: string | null;
      }>('SELECT kind, month, day, date, moves_if_weekend, valid_from, valid_to FROM holiday')
    ).rows;
    rules = rows.map((h): HolidayRule => {
      if (h.kind === 'fixed')
        return {
          kind: 'fixed',
          month: h.month!,
          day: h.day!,
          movesIfWeekend: h.moves_if_weekend,
          validFrom: h.valid_from,
          validTo: h.valid_to,
        };
      if (h.kind === 'dated') return { kind: 'dated', date: h.date!, movesIfWeekend: h.moves_if_weekend };
      return { kind: 'working_day', date: h.date! };
    });
    rulesLoaded = Date.now();
    return rules;
  };
  const left = (today: string, due: string): number => {
    if (daysLeft.today !== today) daysLeft = { today, byDue: new Map() };
    let n = daysLeft.byDue.get(due);
    if (n === undefined) daysLeft.byDue.set(due, (n = workingDaysLeft(today, due, rules)));
    return n;
  };

  /** The bearer token's session, as the API's JWT strategy checks it. */
  async function authenticate(client: PoolClient, request: IncomingMessage): Promise<Actor> {
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const [header, payload, signature] = token?.split('.') ?? [];
    if (!signature) throw new HttpError(401, 'unauthorised');
    const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new HttpError(401, 'unauthorised');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as {
      sub: number;
      sid: string;
      exp: number;
    };
    if (claims.exp * 1000 < Date.now()) throw new HttpError(401, 'unauthorised');
    const { rows } = await client.query<{
      id: number;
      username: string;
      role: Role;
      region_id: number | null;
      provider_id: number | null;
    }>(
      `SELECT u.id, u.username, u.role, u.region_id, u.provider_id FROM auth_session s JOIN app_user u ON u.id = s.user_id
        WHERE s.id = $1 AND u.id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND NOT u.disabled`,
      [claims.sid, claims.sub],
    );
    if (!rows[0]) throw new HttpError(401, 'unauthorised');
    const u = rows[0];
    return {
      id: u.id,
      username: u.username,
      role: u.role,
      regionId: u.region_id,
      providerId: u.provider_id,
      sessionId: claims.sid,
    };
  }

  /** The read of personal data on the audit chain, as PersonalDataReads records it. */
  async function recordRead(
    client: PoolClient,
    actor: Actor,
    request: IncomingMessage,
    read: { action: string; entityType?: string; entityId?: number; regionId: number | null; personIds: number[] },
  ): Promise<void> {
    const personIds = [...new Set(read.personIds)].sort((a, b) => a - b);
    if (personIds.length === 0) return;
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
      const last = await client.query<{ hash: string; id: string }>(
        `SELECT (SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1) AS hash, nextval('audit_event_id_seq')::text AS id`,
      );
      const prevHash = last.rows[0].hash ?? GENESIS_HASH;
      const row = storedAuditRow(
        last.rows[0].id,
        {
          occurredAt: new Date(),
          actor: { id: actor.id, username: actor.username, role: actor.role },
          action: read.action,
          entityType: read.entityType,
          entityId: read.entityId,
          regionId: read.regionId,
          changes: { personIds: { before: null, after: personIds } },
        },
        {
          requestId: String(request.headers['x-request-id'] ?? randomUUID()),
          ip: request.socket.remoteAddress ?? null,
        },
        ring.currentId,
      );
      await client.query(
        `INSERT INTO audit_event (id, occurred_at, actor_id, actor_username, actor_role, action, entity_type, entity_id,
           region_id, changes, request_id, ip, prev_hash, hash, key_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
        [
          row.id,
          row.occurredAt.toISOString(),
          row.actorId,
          row.actorUsername,
          row.actorRole,
          row.action,
          row.entityType,
          row.entityId,
          row.regionId,
          row.changes === null ? null : JSON.stringify(row.changes),
          row.requestId,
          row.ip,
          prevHash,
          auditHash(prevHash, row, chainKey),
          row.keyId,
        ],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  }

  type Row = Record<string, unknown>;
  const toRow = (a: Row, today: string, personScope: number | null) => {
    const readable = a.surname !== null && (personScope === null || a.applicant_region_id === personScope);
    const due = a.deadline_due as string | null;
    return {
      id: a.id,
      number: a.number,
      status: a.status,
      channel: a.channel,
      correspondenceLanguage: a.correspondence_language,
      regionId: a.region_id,
      assignedToId: a.assigned_to_id,
      assignedToName: a.assignee_name ?? null,
      applicantId: a.applicant_id,
      applicantName: readable ? `${a.surname as string} ${a.given_name as string}` : null,
      memberCount: a.member_count ?? 0,
      deadlineStage: a.deadline_stage,
      deadlineDue: due,
      deadlinePausedRemaining: a.deadline_paused_remaining,
      daysLeft: due === null ? null : left(today, due),
      overdue: isOverdue(today, due),
      submittedAt: a.submitted_at,
      decidedAt: a.decided_at,
      legalGroundId: a.legal_ground_id,
      decisionComment: a.decision_comment,
      statusValidFrom: a.status_valid_from,
      statusValidTo: a.status_valid_to,
      extensionCount: a.extension_count,
      version: a.version,
      createdBy: a.created_by,
      createdAt: a.created_at,
      updatedAt: a.updated_at,
    };
  };

  /** Exact up to COUNT_CAP, else the planner's row estimate for the same condition. */
  async function total(client: PoolClient, where: string, params: unknown[]): Promise<number> {
    const capped = await client.query<{ n: number }>(floorSql.cappedCount(where, `$${params.length + 1}`), [
      ...params,
      COUNT_CAP + 1,
    ]);
    if (capped.rows[0].n <= COUNT_CAP) return capped.rows[0].n;
    const plan = await client.query<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(
      `EXPLAIN (FORMAT JSON) SELECT 1 FROM application WHERE ${where}`,
      params,
    );
    return Math.max(COUNT_CAP + 1, Math.round(plan.rows[0]['QUERY PLAN'][0].Plan['Plan Rows']));
  }

  const parseJson = <T>(text: string | null, fallback: T): T => {
    if (text === null) return fallback;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new HttpError(400, 'bad query');
    }
  };

  async function applications(client: PoolClient, actor: Actor, request: IncomingMessage, url: URL) {
    const [sort, order] = parseJson<[string, string]>(url.searchParams.get('sort'), ['id', 'DESC']);
    const [start, end] = parseJson<[number, number]>(url.searchParams.get('range'), [0, 24]);
    const filter = parseJson<Record<string, unknown>>(url.searchParams.get('filter'), {});
    if (!SORTS[sort] || !['ASC', 'DESC'].includes(order) || !(end >= start)) throw new HttpError(400, 'bad query');
    const scope = regionScope(actor, 'applications', 'list');
    const personScope = regionScope(actor, 'persons', 'show');
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (scope !== null) conditions.push(`region_id = $${params.push(scope)}`);
    if (filter.queue === 'mine') {
      conditions.push(`assigned_to_id = $${params.push(actor.id)}`);
      conditions.push(`status IN (${ACTIVE_STATUSES.map((s) => `'${s}'`).join(', ')})`);
    }
    const where = conditions.length > 0 ? conditions.join(' AND ') : 'true';
    const today = todayInKazakhstan();
    await holidayRules(client);
    const sql = floorSql.listPage(
      where,
      sort,
      order as 'ASC' | 'DESC',
      `$${params.length + 1}`,
      `$${params.length + 2}`,
    );
    const rows = (await client.query<Row>(sql, [...params, start, end - start + 1])).rows;
    const count = await total(client, where, params);
    await recordRead(client, actor, request, {
      action: 'application.list',
      regionId: scope,
      personIds: rows
        .filter((a) => a.surname !== null && (personScope === null || a.applicant_region_id === personScope))
        .map((a) => a.applicant_id as number),
    });
    return { resource: 'applications', items: rows.map((a) => toRow(a, today, personScope)), start, total: count };
  }

  async function application(client: PoolClient, actor: Actor, request: IncomingMessage, id: number) {
    const scope = regionScope(actor, 'applications', 'show');
    const personScope = regionScope(actor, 'persons', 'show');
    const today = todayInKazakhstan();
    await holidayRules(client);
    const [a] = (await client.query<Row>(floorSql.caseDetail, [id, scope])).rows;
    if (!a) throw new HttpError(404, 'not found');
    const members = ((a.members as Row[] | null) ?? []).map((m) =>
      personScope === null || m.regionId === personScope
        ? {
            personId: m.personId,
            relation: m.relation,
            active: m.active,
            person: {
              id: m.personId,
              surname: m.surname,
              givenName: m.givenName,
              patronymic: m.patronymic,
              birthDate: m.birthDate,
              sex: m.sex,
              iin: m.iin,
              ethnicity: m.ethnicity,
            },
          }
        : {
            personId: m.personId,
            relation: m.relation,
            active: m.active,
            person: { id: m.personId, restricted: true },
          },
    );
    const certificate = a.certificate as Row | null;
    await recordRead(client, actor, request, {
      action: 'application.view',
      entityType: 'application',
      entityId: id,
      regionId: a.region_id as number,
      personIds: members.filter((m) => !('restricted' in m.person)).map((m) => m.personId as number),
    });
    return {
      ...toRow(a, today, personScope),
      members,
      availableTransitions: transitionViews(a.status as ApplicationStatus, actor.role),
      certificate: certificate
        ? { ...certificate, revokedAt: certificate.revokedAt ? new Date(certificate.revokedAt as string) : null }
        : null,
    };
  }

  async function persons(client: PoolClient, actor: Actor, request: IncomingMessage, url: URL) {
    const [start, end] = parseJson<[number, number]>(url.searchParams.get('range'), [0, 24]);
    const filter = parseJson<Record<string, unknown>>(url.searchParams.get('filter'), {});
    const query = typeof filter.q === 'string' ? parsePersonQuery(filter.q) : null;
    // The floor serves the name search, the hot path measured; other lists are the API's.
    if (!query || query.kind !== 'name') throw new HttpError(400, 'the floor answers name searches only');
    const scope = regionScope(actor, 'persons', 'list');
    const words = [...new Set(query.value.split(' '))].slice(0, 8);
    const result = await client.query<Row & { total: number }>(floorSql.personSearch(words.length), [
      scope,
      start,
      end - start + 1,
      ...words,
    ]);
    const items = result.rows.filter((r) => r.id !== null).map(({ total: _total, ...person }) => person);
    await recordRead(client, actor, request, {
      action: 'person.list',
      regionId: scope,
      personIds: items.map((p) => p.id as number),
    });
    return { resource: 'persons', items, start, total: result.rows[0]?.total ?? 0 };
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://floor');
    let client: PoolClient | null = null;
    try {
      client = await pool.connect();
      const actor = await authenticate(client, request);
      let body: unknown;
      const caseId = /^\/api\/applications\/(\d+)$/.exec(url.pathname)?.[1];
      if (request.method !== 'GET') throw new HttpError(405, 'method not allowed');
      if (url.pathname === '/api/applications' || url.pathname === '/api/persons') {
        const page =
          url.pathname === '/api/persons'
            ? await persons(client, actor, request, url)
            : await applications(client, actor, request, url);
        const last = page.items.length === 0 ? page.start : page.start + page.items.length - 1;
        response.setHeader('Content-Range', `${page.resource} ${page.start}-${last}/${page.total}`);
        body = page.items;
      } else if (caseId) {
        body = await application(client, actor, request, Number(caseId));
      } else throw new HttpError(404, 'not found');
      const json = JSON.stringify(body);
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      response.end(json);
    } catch (error) {
      const status = error instanceof HttpError ? error.status : 500;
      if (status === 500) console.error(error);
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify({ statusCode: status, message: (error as Error).message }));
    } finally {
      client?.release();
    }
  }

  const server = createServer((request, response) => void handle(request, response));
  pool.on('error', (error) => console.error('pool:', error));
  await new Promise<void>((resolve) => server.listen(config.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}

if (require.main === module) {
  startFloorServer({
    databaseUrl: process.env.DATABASE_URL ?? '',
    jwtSecret: process.env.JWT_SECRET ?? '',
    auditChainKeys: process.env.AUDIT_CHAIN_KEYS ?? '',
    port: Number(process.env.PORT ?? 3100),
  })
    .then(({ url }) => console.log(`floor server at ${url}`))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
