import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app.config';

const KEY = `k1:${Buffer.alloc(32, 1).toString('base64')}`;

/** Only the variables under test; the rest take their defaults. */
const load = (env: Record<string, string>) =>
  loadConfig({
    DATA_DIR: '/srv/qonys',
    JWT_SECRET: 'x'.repeat(32),
    DATABASE_URL: 'postgres://q@db/q',
    AUDIT_CHAIN_KEYS: KEY,
    DATA_MASTER_KEYS: KEY,
    AUDIT_CHECKPOINT_KEYS: KEY,
    ...env,
  });

describe('loadConfig: documents and the public certificate check', () => {
  it('keeps documents on local disk under DATA_DIR/documents, up to 10 MB, by default', () => {
    const config = load({ PORT: '8080' });
    expect(config.storage).toEqual({ driver: 'local', directory: join('/srv/qonys', 'documents') });
    expect(config.documentMaxBytes).toBe(10 * 1024 * 1024);
    expect(config.publicBaseUrl).toBe('http://localhost:8080');
    expect(config.publicRateLimitPerMinute).toBe(60);
    expect(config.statisticsThreshold).toBe(5);
  });

  it('reads an S3-compatible store, path-style when an endpoint is given', () => {
    const config = load({
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: 'http://minio:9000',
      S3_BUCKET: 'qonys-documents',
      S3_ACCESS_KEY: 'q',
      S3_SECRET_KEY: 's',
    });
    expect(config.storage).toEqual({
      driver: 's3',
      endpoint: 'http://minio:9000',
      region: 'us-east-1',
      bucket: 'qonys-documents',
      accessKey: 'q',
      secretKey: 's',
      forcePathStyle: true,
    });
    expect(
      load({ STORAGE_DRIVER: 's3', S3_BUCKET: 'qonys-documents', S3_REGION: 'eu-central-1' }).storage,
    ).toMatchObject({
      endpoint: null,
      region: 'eu-central-1',
      accessKey: null,
      forcePathStyle: false,
    });
  });

  it('strips a trailing slash from PUBLIC_BASE_URL', () => {
    expect(load({ PUBLIC_BASE_URL: 'https://qonys.example.kz/' }).publicBaseUrl).toBe('https://qonys.example.kz');
  });

  it.each([
    [{ STORAGE_DRIVER: 'ftp' }, /STORAGE_DRIVER must be one of local, s3/],
    [{ STORAGE_DRIVER: 's3' }, /S3_BUCKET is required/],
    [{ STORAGE_DRIVER: 's3', S3_BUCKET: 'Bad_Bucket' }, /S3_BUCKET must be a bucket name/],
    [
      { STORAGE_DRIVER: 's3', S3_BUCKET: 'docs', S3_ACCESS_KEY: 'q' },
      /S3_ACCESS_KEY and S3_SECRET_KEY must be given together/,
    ],
    [{ STORAGE_DRIVER: 's3', S3_BUCKET: 'docs', S3_ENDPOINT: 'minio:9000' }, /S3_ENDPOINT must use http/],
    [
      { STORAGE_DRIVER: 's3', S3_BUCKET: 'docs', S3_FORCE_PATH_STYLE: 'yes' },
      /S3_FORCE_PATH_STYLE must be true or false/,
    ],
    [{ DOCUMENT_MAX_BYTES: '10MB' }, /DOCUMENT_MAX_BYTES must be an integer/],
    [{ DOCUMENT_MAX_BYTES: '100' }, /DOCUMENT_MAX_BYTES must be an integer between 1024/],
    [{ PUBLIC_BASE_URL: 'qonys.kz' }, /PUBLIC_BASE_URL must be a URL/],
    [{ PUBLIC_BASE_URL: 'ftp://qonys.kz' }, /PUBLIC_BASE_URL must use http/],
    [{ PUBLIC_BASE_URL: 'https://qonys.kz/?a=1' }, /must not carry credentials, a query or a fragment/],
    [{ PUBLIC_RATE_LIMIT_PER_MINUTE: '0' }, /PUBLIC_RATE_LIMIT_PER_MINUTE must be an integer/],
    [{ STATISTICS_THRESHOLD: '1' }, /STATISTICS_THRESHOLD must be an integer between 2/],
  ])('refuses %j', (env, message) => {
    expect(() => load(env)).toThrow(ConfigError);
    expect(() => load(env)).toThrow(message);
  });
});

describe('loadConfig: key rings', () => {
  it('reads id:key pairs, the first one current, and finds older keys by id', () => {
    const k2 = Buffer.alloc(32, 2).toString('base64');
    const ring = load({ AUDIT_CHAIN_KEYS: `k2:${k2},${KEY}` }).auditChainKeys;
    expect(ring.currentId).toBe('k2');
    expect([...ring.keys.keys()]).toEqual(['k2', 'k1']);
    expect(ring.keys.get('k1')).toEqual(Buffer.alloc(32, 1));
  });

  it('refuses short keys, repeated ids, other shapes, and a missing ring with a real database', () => {
    expect(() => load({ DATA_MASTER_KEYS: `k1:${Buffer.alloc(16).toString('base64')}` })).toThrow(/at least 32 bytes/);
    expect(() => load({ DATA_MASTER_KEYS: `${KEY},${KEY}` })).toThrow(/given twice/);
    expect(() => load({ DATA_MASTER_KEYS: 'just-a-password' })).toThrow(/id:base64key/);
    expect(() => load({ DATA_MASTER_KEYS: '' })).toThrow(/DATA_MASTER_KEYS is required/);
  });

  it('generates a ring beside the embedded database and keeps it across restarts', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qonys-keys-'));
    const embedded = {
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      AUDIT_CHAIN_KEYS: '',
      DATA_MASTER_KEYS: '',
      AUDIT_CHECKPOINT_KEYS: '',
      JWT_SECRET: '',
    };
    const first = load(embedded);
    const again = load(embedded);
    expect(first.auditChainKeys.keys.get('k1')).toHaveLength(32);
    expect(again.auditChainKeys).toEqual(first.auditChainKeys);
    expect(again.dataMasterKeys.keys.get('k1')).not.toEqual(first.auditChainKeys.keys.get('k1'));
    expect(again.auditCheckpointKeys.keys.get('k1')).toHaveLength(32);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('takes checkpoint signing keys of exactly 32 bytes (Ed25519 seeds) only', () => {
    expect(() => load({ AUDIT_CHECKPOINT_KEYS: `k1:${Buffer.alloc(48).toString('base64')}` })).toThrow(
      /exactly 32 bytes/,
    );
    expect(() => load({ AUDIT_CHECKPOINT_KEYS: '' })).toThrow(/AUDIT_CHECKPOINT_KEYS is required/);
  });
});

describe('loadConfig: database roles', () => {
  it('runs migrations as DATABASE_OWNER_URL when given, else as the application role', () => {
    expect(load({}).databaseOwnerUrl).toBe('postgres://q@db/q');
    expect(load({ DATABASE_OWNER_URL: 'postgres://owner@db/q' }).databaseOwnerUrl).toBe('postgres://owner@db/q');
    expect(() => load({ DATABASE_OWNER_URL: 'mysql://owner@db/q' })).toThrow(/DATABASE_OWNER_URL must use postgres/);
    expect(() => load({ DATABASE_URL: '', DATABASE_OWNER_URL: 'postgres://owner@db/q' })).toThrow(/needs DATABASE_URL/);
  });
});

describe('loadConfig: messages to applicants', () => {
  it('sends nothing by default: both channels unset', () => {
    expect(load({}).applicantMessages).toEqual({ smtpUrl: null, mailFrom: null, smsUrl: null, smsToken: null });
  });

  it('reads the SMTP server with its From, and the SMS provider with its token', () => {
    const config = load({
      SMTP_URL: 'smtps://qonys:secret@mail.example.kz:465',
      MAIL_FROM: 'Qonys <no-reply@qonys.example.kz>',
      SMS_URL: 'https://sms.example.kz/api/send/',
      SMS_TOKEN: 'token',
    });
    expect(config.applicantMessages).toEqual({
      smtpUrl: 'smtps://qonys:secret@mail.example.kz:465',
      mailFrom: 'Qonys <no-reply@qonys.example.kz>',
      smsUrl: 'https://sms.example.kz/api/send',
      smsToken: 'token',
    });
  });

  it('refuses an SMTP URL of another scheme, one without MAIL_FROM, a bad From and a token without a provider', () => {
    expect(() => load({ SMTP_URL: 'http://mail.example.kz', MAIL_FROM: 'a@b.kz' })).toThrow(/SMTP_URL must use smtp/);
    expect(() => load({ SMTP_URL: 'not a url', MAIL_FROM: 'a@b.kz' })).toThrow(ConfigError);
    expect(() => load({ SMTP_URL: 'smtp://mail.example.kz' })).toThrow(/MAIL_FROM is required/);
    expect(() => load({ MAIL_FROM: 'no address here' })).toThrow(/MAIL_FROM must be an address/);
    expect(() => load({ SMS_TOKEN: 'token' })).toThrow(/SMS_TOKEN needs SMS_URL/);
    expect(() => load({ SMS_URL: 'ftp://sms.example.kz' })).toThrow(/SMS_URL must use http/);
  });
});
