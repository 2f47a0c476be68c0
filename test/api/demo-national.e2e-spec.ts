import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { bearer, withDb } from '../support/api-helpers';
import {
  createDatabase,
  E2E_AUDIT_CHAIN_KEYS,
  E2E_AUDIT_CHECKPOINT_KEYS,
  E2E_DATA_MASTER_KEYS,
  E2E_JWT_SECRET,
  startApi,
} from '../support/api-process';
import { login } from '../support/auth';

const SEED_DEMO = join(__dirname, '..', '..', 'dist', 'apps', 'api', 'src', 'database', 'seeds', 'seed-demo.js');
const FAMILIES = 400;
const DEMO = { families: FAMILIES, seed: 7, today: '2026-11-20' };

/** What both paths must write alike: every stored column of the rows the lists and the case page read. */
const SNAPSHOTS = {
  persons: `SELECT id, surname, given_name, patronymic, surname_latin, given_name_latin, patronymic_latin, other_spellings,
                   birth_date::text, sex, iin, citizenship, country_of_origin, id_document_type, id_document_number,
                   id_document_expiry::text, education_level, languages, region_id, search_key, document_key, created_by,
                   created_at FROM person ORDER BY id`,
  applications: `SELECT id, number, status, channel, region_id, assigned_to_id, applicant_id, deadline_stage,
                        deadline_due::text, deadline_paused_remaining, submitted_at, decided_at, legal_ground_id,
                        decision_comment, status_valid_from::text, status_valid_to::text, extension_count, version,
                        created_by, created_at, updated_at FROM application ORDER BY id`,
  members:
    'SELECT application_id, person_id, relation, active FROM application_member ORDER BY application_id, person_id',
  certificates:
    'SELECT number, application_id, holder_initials, valid_to::text, revoked_at FROM certificate ORDER BY number',
  counters: 'SELECT year, last_value FROM application_number_counter ORDER BY year',
  indexes: `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1, 2`,
  foreignKeys: `SELECT conrelid::regclass::text AS t, conname, pg_get_constraintdef(oid) FROM pg_constraint
                 WHERE contype = 'f' ORDER BY 1, 2`,
};

/**
 * The national dataset's bulk path (docs/demo-data.md) against the full demo path on
 * the same seed: the same persons (search and document keys included), cases, members
 * and certificates, every index and foreign key back, and an audit chain that verifies.
 */
describe('national demo dataset', () => {
  const files = mkdtempSync(join(tmpdir(), 'qonys-national-'));
  const databases: { url: string; drop(): Promise<void> }[] = [];
  afterAll(async () => {
    for (const db of databases) await db.drop();
    rmSync(files, { recursive: true, force: true });
  });

  /** `npm run seed:demo` as built, into `url`: its summary line. */
  const seedDemo = async (url: string, national: boolean): Promise<string> => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        SEED_DEMO,
        '--families',
        String(DEMO.families),
        '--seed',
        String(DEMO.seed),
        '--today',
        DEMO.today,
        national ? '--national' : '--no-national',
      ],
      {
        env: {
          PATH: process.env.PATH,
          DATABASE_URL: url,
          DATA_DIR: files,
          JWT_SECRET: E2E_JWT_SECRET,
          AUDIT_CHAIN_KEYS: E2E_AUDIT_CHAIN_KEYS,
          AUDIT_CHECKPOINT_KEYS: E2E_AUDIT_CHECKPOINT_KEYS,
          DATA_MASTER_KEYS: E2E_DATA_MASTER_KEYS,
        },
      },
    );
    return stdout;
  };
  const seeded = async (national: boolean) => {
    const db = await createDatabase();
    databases.push(db);
    const output = await seedDemo(db.url, national);
    const snapshot: Record<string, unknown[]> = {};
    await withDb(db.url, async (client) => {
      for (const [name, sql] of Object.entries(SNAPSHOTS)) snapshot[name] = (await client.query(sql)).rows;
    });
    return { url: db.url, output, snapshot };
  };

  it('writes the rows the full path writes, with every index and foreign key, and a chain that verifies', async () => {
    const full = await seeded(false);
    const bulk = await seeded(true);
    expect(bulk.output).toMatch(
      new RegExp(`Loaded ${FAMILIES} families \\(${full.snapshot.persons.length} persons, 2 audit events\\)`),
    );
    expect(bulk.snapshot.persons.length).toBeGreaterThan(FAMILIES);
    for (const name of Object.keys(SNAPSHOTS))
      expect({ name, rows: bulk.snapshot[name] }).toEqual({ name, rows: full.snapshot[name] });

    // Loading again changes nothing: the marker is there.
    expect(await seedDemo(bulk.url, true)).toMatch(/already loaded/);

    const api = await startApi({}, { databaseUrl: bulk.url });
    try {
      const auditor = await login(api.url, 'auditor');
      const verify = await request(api.url)
        .get('/api/audit-events/verify')
        .set(bearer(auditor.accessToken))
        .expect(200);
      expect(verify.body).toMatchObject({ valid: true });
      const batches = await request(api.url)
        .get(`/api/audit-events?filter=${JSON.stringify({ action: 'demo_data.generate_batch' })}`)
        .set(bearer(auditor.accessToken))
        .expect(200);
      expect(batches.body).toHaveLength(1);
    } finally {
      await api.stop();
    }
  });
});
