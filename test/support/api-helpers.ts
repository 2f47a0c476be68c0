import { createHmac, randomBytes } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { DEMO_PASSWORD } from './auth';

/** The Authorization header of a bearer token, for supertest's `.set()`. */
export const bearer = (token: string): Record<string, string> => ({ Authorization: `Bearer ${token}` });

/** A username no other test (or run) uses. */
export const uniqueUsername = (prefix = 'user'): string => `${prefix}.${randomBytes(4).toString('hex')}`;

export interface CreatedUser {
  id: number;
  username: string;
  password: string;
  role: string;
  regionId: number | null;
  version: number;
}

/** Creates a staff account through the API as an admin (POST /api/users, expects 201). */
export async function createUser(
  baseUrl: string,
  adminToken: string,
  fields: { role?: string; regionId?: number | null; username?: string; password?: string; fullName?: string } = {},
): Promise<CreatedUser> {
  const password = fields.password ?? `${DEMO_PASSWORD}-x`;
  const body = {
    username: fields.username ?? uniqueUsername(fields.role ?? 'caseworker'),
    fullName: fields.fullName ?? 'Test User',
    role: fields.role ?? 'caseworker',
    password,
    ...(fields.regionId !== undefined ? { regionId: fields.regionId } : {}),
  };
  const response = await request(baseUrl).post('/api/users').set(bearer(adminToken)).send(body);
  if (response.status !== 201) throw new Error(`create user: ${response.status} ${JSON.stringify(response.body)}`);
  return { ...(response.body as Omit<CreatedUser, 'password'>), password };
}

/** Runs `work` with a client connected to the API's database (as the superuser). */
export async function withDb<T>(databaseUrl: string, work: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

/** The first column of the first row (undefined when there is none), e.g. `scalar(url, 'SELECT count(*)::int FROM app_user')`. */
export async function scalar<T = number>(databaseUrl: string, sql: string, params: unknown[] = []): Promise<T> {
  return withDb(databaseUrl, async (db) => {
    const { rows } = await db.query(sql, params);
    return (rows[0] === undefined ? undefined : Object.values(rows[0] as Record<string, T>)[0]) as T;
  });
}

/** The id of a region by its KATO code, from the API's database. */
export const regionIdByCode = (databaseUrl: string, code: string): Promise<number> =>
  scalar<number>(databaseUrl, 'SELECT id FROM region WHERE code = $1', [code]);

const base64url = (value: string | Buffer): string => Buffer.from(value).toString('base64url');

/** A compact HS256 JWT, to forge or pre-expire access tokens. */
export function signJwt(payload: Record<string, unknown>, secret: string): string {
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = base64url(JSON.stringify(payload));
  const signature = createHmac('sha256', secret).update(`${header}.${body}`).digest('base64url');
  return `${header}.${body}.${signature}`;
}

/** The payload of a JWT (no signature check). */
export function jwtPayload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}
