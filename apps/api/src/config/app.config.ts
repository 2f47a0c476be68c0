import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isValidCalendarDate, todayInKazakhstan } from '@qonys/domain';
import { DEFAULT_EXACT_TOTAL_LIMIT } from '../common/list/list-query';

/** Every setting of the API, read once from the environment and checked at boot. */
export interface AppConfig {
  readonly nodeEnv: 'development' | 'production' | 'test';
  readonly host: string;
  readonly port: number;
  /** A PostgreSQL server, or null for the embedded PGlite database under `dataDir`. */
  readonly databaseUrl: string | null;
  /**
   * The role that owns the schema and runs the migrations; the application itself connects
   * as `databaseUrl`, which then cannot rewrite `audit_event` (docs/audit-chain.md). Defaults to `databaseUrl`.
   */
  readonly databaseOwnerUrl: string | null;
  readonly dataDir: string;
  readonly demoData: boolean;
  /** With demoData: generated families loaded once (docs/demo-data.md); 0 for the users only. */
  readonly demoFamilies: number;
  readonly demoSeed: number;
  /** The day the demo's history leads up to, YYYY-MM-DD. */
  readonly demoToday: string;
  readonly jwtSecret: string;
  readonly accessTokenTtlSeconds: number;
  readonly refreshTokenTtlDays: number;
  /** How long the refresh token just replaced still returns the new pair (two tabs refreshing at once). */
  readonly refreshGraceSeconds: number;
  readonly corsOrigin: string | null;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly trustProxy: boolean;
  readonly loginRateLimitPerMinute: number;
  readonly loginLockThreshold: number;
  readonly loginLockMinutes: number;
  /** Failed logins from one client address (within an hour) before each further one blocks it, longer each time. */
  readonly loginAddressFreeFailures: number;
  readonly serveAdmin: boolean;
  /** Largest document upload accepted, in bytes. */
  readonly documentMaxBytes: number;
  /** Where uploaded documents are kept. */
  readonly storage: StorageConfig;
  /** The address the public reaches Qonys at: certificate QR codes point to `<publicBaseUrl>/verify/<number>`. */
  readonly publicBaseUrl: string;
  /** Public certificate checks per client address per minute. */
  readonly publicRateLimitPerMinute: number;
  /** Counts 1 … threshold − 1 are suppressed in the open statistics (docs/open-statistics.md). */
  readonly statisticsThreshold: number;
  /** Case and person lists count matches exactly up to this many, then show the planner's estimate (docs/lists.md). */
  readonly listExactTotalLimit: number;
  /** A running job whose worker sent no heartbeat for this long is marked failed (docs/jobs.md). */
  readonly jobHeartbeatTimeoutSeconds: number;
  /** A list export of more rows than this runs as a job and is downloaded when ready (docs/exports.md). */
  readonly exportJobThreshold: number;
  /** Keys the audit chain's HMAC is computed with; the database never holds them (docs/audit-chain.md). */
  readonly auditChainKeys: KeyRing;
  /** Ed25519 seeds the audit checkpoints are signed with; the first signs, older ones still verify. */
  readonly auditCheckpointKeys: KeyRing;
  /** Keys that wrap each person's data key and the TOTP secrets (docs/personal-data.md). */
  readonly dataMasterKeys: KeyRing;
  /** How messages to applicants go out (docs/applicant-messages.md); a channel left null sends nothing. */
  readonly applicantMessages: ApplicantMessagesConfig;
}

/** The e-mail and SMS channels of messages to applicants. */
export interface ApplicantMessagesConfig {
  /** smtp://user:pass@host:587 or smtps://…:465; null: e-mail is not sent (messages wait). */
  readonly smtpUrl: string | null;
  /** The From of every e-mail, e.g. `Qonys <no-reply@qonys.example.kz>`; required with smtpUrl. */
  readonly mailFrom: string | null;
  /** The SMS provider's endpoint (POST JSON); null: SMS is not sent (messages wait). */
  readonly smsUrl: string | null;
  /** Sent as `Authorization: Bearer <token>` to smsUrl. */
  readonly smsToken: string | null;
}

/**
 * Named secret keys, rotatable: new writes use `currentId`, reads find any older key by
 * the id stored beside what it protects.
 */
export interface KeyRing {
  readonly currentId: string;
  readonly keys: ReadonlyMap<string, Buffer>;
}

/** Local disk under `DATA_DIR/documents`, or an S3-compatible object store. */
export type StorageConfig =
  | { readonly driver: 'local'; readonly directory: string }
  | {
      readonly driver: 's3';
      /** null: AWS S3 itself. */
      readonly endpoint: string | null;
      readonly region: string;
      readonly bucket: string;
      /** null (both): the AWS SDK's default credential chain. */
      readonly accessKey: string | null;
      readonly secretKey: string | null;
      readonly forcePathStyle: boolean;
    };

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

function databaseUrl(env: Env, name: 'DATABASE_URL' | 'DATABASE_OWNER_URL'): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be a URL such as postgres://user:pass@host:5432/db`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`${name} must use postgres:// or postgresql://, got "${url.protocol}"`);
  }
  return raw;
}

/** The owner's URL, which only makes sense beside a real database's. */
function databaseOwnerUrl(env: Env, url: string | null): string | null {
  const owner = databaseUrl(env, 'DATABASE_OWNER_URL');
  if (owner !== null && url === null)
    throw new ConfigError('DATABASE_OWNER_URL needs DATABASE_URL (the application role)');
  return owner ?? url;
}

function isoDate(env: Env, name: string, fallback: string): string {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  if (!match || !isValidCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    throw new ConfigError(`${name} must be a date such as 2026-12-01, got "${raw}"`);
  }
  return raw;
}

function httpUrl(env: Env, name: string, fallback: string): string {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be a URL such as https://qonys.example.kz, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`${name} must use http:// or https://, got "${url.protocol}"`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new ConfigError(`${name} must not carry credentials, a query or a fragment, got "${raw}"`);
  }
  return url.toString().replace(/\/+$/, '');
}

function storage(env: Env, dataDir: string): StorageConfig {
  const driver = oneOf(env, 'STORAGE_DRIVER', ['local', 's3'] as const, 'local');
  if (driver === 'local') return { driver, directory: join(dataDir, 'documents') };
  const bucket = env.S3_BUCKET;
  if (!bucket) throw new ConfigError('S3_BUCKET is required when STORAGE_DRIVER is s3');
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    throw new ConfigError(
      `S3_BUCKET must be a bucket name (3–63 lower-case letters, digits, dots, dashes), got "${bucket}"`,
    );
  }
  const accessKey = env.S3_ACCESS_KEY || null;
  const secretKey = env.S3_SECRET_KEY || null;
  if ((accessKey === null) !== (secretKey === null)) {
    throw new ConfigError(
      'S3_ACCESS_KEY and S3_SECRET_KEY must be given together (or neither, for the AWS default credentials)',
    );
  }
  const endpoint = env.S3_ENDPOINT ? httpUrl(env, 'S3_ENDPOINT', '') : null;
  return {
    driver,
    endpoint,
    region: env.S3_REGION || 'us-east-1',
    bucket,
    accessKey,
    secretKey,
    // S3-compatible stores (MinIO) usually want path-style addressing.
    forcePathStyle: boolean(env, 'S3_FORCE_PATH_STYLE', endpoint !== null),
  };
}

/**
 * The JWT signing secret. With a real database it must be given (replicas share it);
 * the embedded database keeps a generated one beside its data so tokens survive a restart.
 */
function jwtSecret(env: Env, embedded: boolean, dataDir: string): string {
  const raw = env.JWT_SECRET;
  if (raw !== undefined && raw !== '') {
    if (raw.length < 32) throw new ConfigError('JWT_SECRET must be at least 32 characters');
    return raw;
  }
  if (!embedded) throw new ConfigError('JWT_SECRET is required when DATABASE_URL is set');
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'jwt-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/** `id:base64key,id:base64key`, the first one current; each key at least 32 bytes. */
export function parseKeyRing(name: string, raw: string): KeyRing {
  const keys = new Map<string, Buffer>();
  for (const part of raw.split(',').map((p) => p.trim())) {
    const match = /^([A-Za-z0-9_-]{1,32}):([A-Za-z0-9+/_-]+={0,2})$/.exec(part);
    if (!match) throw new ConfigError(`${name} must be a list of id:base64key, such as k1:${'A'.repeat(43)}=`);
    const key = Buffer.from(match[2], 'base64');
    if (key.length < 32)
      throw new ConfigError(`${name}: key "${match[1]}" must be at least 32 bytes (44 base64 characters)`);
    if (keys.has(match[1])) throw new ConfigError(`${name}: key id "${match[1]}" is given twice`);
    keys.set(match[1], key);
  }
  return { currentId: [...keys.keys()][0], keys };
}

/**
 * A key ring from the environment. With a real database it must be given (replicas share
 * it); the embedded database keeps a generated one beside its data, like the JWT secret.
 */
function keyRing(env: Env, name: string, embedded: boolean, dataDir: string): KeyRing {
  const raw = env[name];
  if (raw !== undefined && raw !== '') return parseKeyRing(name, raw);
  if (!embedded) throw new ConfigError(`${name} is required when DATABASE_URL is set (id:base64key, 32+ bytes)`);
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, name.toLowerCase().replace(/_/g, '-'));
  if (!existsSync(file)) writeFileSync(file, `k1:${randomBytes(32).toString('base64')}`, { mode: 0o600 });
  return parseKeyRing(name, readFileSync(file, 'utf8').trim());
}

/** Ed25519 private keys are 32-byte seeds: a longer key would be silently cut. */
function checkpointKeys(env: Env, embedded: boolean, dataDir: string): KeyRing {
  const ring = keyRing(env, 'AUDIT_CHECKPOINT_KEYS', embedded, dataDir);
  for (const [id, key] of ring.keys) {
    if (key.length !== 32)
      throw new ConfigError(`AUDIT_CHECKPOINT_KEYS: key "${id}" must be exactly 32 bytes (an Ed25519 seed)`);
  }
  return ring;
}

function applicantMessages(env: Env): ApplicantMessagesConfig {
  const smtpUrl = env.SMTP_URL || null;
  if (smtpUrl !== null) {
    let url: URL;
    try {
      url = new URL(smtpUrl);
    } catch {
      throw new ConfigError('SMTP_URL must be a URL such as smtp://user:pass@mail.example.kz:587');
    }
    if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
      throw new ConfigError(`SMTP_URL must use smtp:// or smtps://, got "${url.protocol}"`);
    }
  }
  const mailFrom = env.MAIL_FROM || null;
  if (smtpUrl !== null && mailFrom === null) throw new ConfigError('MAIL_FROM is required when SMTP_URL is set');
  if (mailFrom !== null && !/^[^<>]*<?[^@\s<>]+@[^@\s<>]+>?$/.test(mailFrom)) {
    throw new ConfigError(`MAIL_FROM must be an address such as Qonys <no-reply@qonys.example.kz>, got "${mailFrom}"`);
  }
  const smsUrl = env.SMS_URL ? httpUrl(env, 'SMS_URL', '') : null;
  const smsToken = env.SMS_TOKEN || null;
  if (smsToken !== null && smsUrl === null) throw new ConfigError('SMS_TOKEN needs SMS_URL (the SMS provider)');
  return { smtpUrl, mailFrom, smsUrl, smsToken };
}

/** Enough for every list and board to show something, and a first start well under a minute. */
export const DEFAULT_DEMO_FAMILIES = 3000;

export function loadConfig(env: Env = process.env): AppConfig {
  const url = databaseUrl(env, 'DATABASE_URL');
  const dataDir = resolve(env.DATA_DIR || 'data');
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'production');
  const corsOrigin = env.CORS_ORIGIN || null;
  if (corsOrigin !== null && corsOrigin !== '*') {
    try {
      new URL(corsOrigin);
    } catch {
      throw new ConfigError(`CORS_ORIGIN must be an origin such as https://qonys.example.kz, got "${corsOrigin}"`);
    }
  }
  const port = integer(env, 'PORT', 3000, 0, 65535);
  return {
    nodeEnv,
    host: env.HOST || '0.0.0.0',
    port,
    databaseUrl: url,
    databaseOwnerUrl: databaseOwnerUrl(env, url),
    dataDir,
    // Demo data is loaded by default only on the embedded database.
    demoData: boolean(env, 'DEMO_DATA', url === null),
    demoFamilies: integer(env, 'DEMO_FAMILIES', DEFAULT_DEMO_FAMILIES, 0, 2_000_000),
    demoSeed: integer(env, 'DEMO_SEED', 2026, 0, 2 ** 31 - 1),
    demoToday: isoDate(env, 'DEMO_TODAY', todayInKazakhstan()),
    jwtSecret: jwtSecret(env, url === null, dataDir),
    accessTokenTtlSeconds: integer(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, 30, 86_400),
    refreshTokenTtlDays: integer(env, 'REFRESH_TOKEN_TTL_DAYS', 7, 1, 90),
    refreshGraceSeconds: integer(env, 'REFRESH_GRACE_SECONDS', 30, 0, 300),
    corsOrigin,
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    trustProxy: boolean(env, 'TRUST_PROXY', false),
    loginRateLimitPerMinute: integer(env, 'LOGIN_RATE_LIMIT_PER_MINUTE', 20, 1, 100_000),
    loginLockThreshold: integer(env, 'LOGIN_LOCK_THRESHOLD', 5, 2, 100),
    loginLockMinutes: integer(env, 'LOGIN_LOCK_MINUTES', 15, 1, 1440),
    loginAddressFreeFailures: integer(env, 'LOGIN_ADDRESS_FREE_FAILURES', 10, 1, 10_000),
    serveAdmin: boolean(env, 'SERVE_ADMIN', true),
    documentMaxBytes: integer(env, 'DOCUMENT_MAX_BYTES', 10 * 1024 * 1024, 1024, 200 * 1024 * 1024),
    storage: storage(env, dataDir),
    publicBaseUrl: httpUrl(env, 'PUBLIC_BASE_URL', `http://localhost:${port}`),
    publicRateLimitPerMinute: integer(env, 'PUBLIC_RATE_LIMIT_PER_MINUTE', 60, 1, 100_000),
    statisticsThreshold: integer(env, 'STATISTICS_THRESHOLD', 5, 2, 100),
    listExactTotalLimit: integer(env, 'LIST_EXACT_TOTAL_LIMIT', DEFAULT_EXACT_TOTAL_LIMIT, 1, 10_000_000),
    jobHeartbeatTimeoutSeconds: integer(env, 'JOB_HEARTBEAT_TIMEOUT_SECONDS', 60, 3, 3600),
    exportJobThreshold: integer(env, 'EXPORT_JOB_THRESHOLD', 10_000, 1, 1_000_000),
    auditChainKeys: keyRing(env, 'AUDIT_CHAIN_KEYS', url === null, dataDir),
    dataMasterKeys: keyRing(env, 'DATA_MASTER_KEYS', url === null, dataDir),
    auditCheckpointKeys: checkpointKeys(env, url === null, dataDir),
    applicantMessages: applicantMessages(env),
  };
}

/** Injection token for the AppConfig object. */
export const APP_CONFIG = Symbol('APP_CONFIG');
