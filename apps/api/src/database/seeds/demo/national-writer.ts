import { formatApplicationNumber, TERMINAL_STATUSES } from '@qonys/domain';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource, EntityManager } from 'typeorm';
import type { RequestContext } from '../../../common/auth/actor';
import type { AuditService } from '../../../modules/audit/audit.service';
import { holderInitials, newCertificateNumber } from '../../../modules/applications/certificate-number';
import { documentKey, personSearchKey } from '../../../modules/persons/person-keys';
import { DEMO_MARKER_ACTION, type DemoOptions, type DemoResult, loadReference } from './demo-writer';
import { type FamilyPlan, planDemo } from './family-plan';
import { seededRandom } from './random';

/**
 * The national dataset (docs/demo-data.md, "The national dataset"): the same planned
 * families as the demo (family-plan.ts, same seed, same persons and cases), written
 * with COPY for the tables the case lists read — persons, cases in their final status,
 * members, certificates — and none of the per-family history (timeline, documents,
 * quota stage, per-action audit entries). Secondary indexes and foreign keys of those
 * tables are dropped for the load and rebuilt from their own definitions before the
 * commit, so every unique index and foreign key is checked once over all rows.
 * One transaction; offline: run it while no API writes to the database.
 */

const CONTEXT: RequestContext = { actor: null, requestId: 'demo-seed-national', ip: null };
const BATCH = 20_000;
const TERMINAL = new Set<string>(TERMINAL_STATUSES);
const TABLES = ['person', 'application', 'application_member', 'certificate'] as const;

export const DEMO_BATCH_ACTION = 'demo_data.generate_batch';

const PERSON_COLUMNS = [
  'id', 'surname', 'given_name', 'patronymic', 'surname_latin', 'given_name_latin', 'patronymic_latin',
  'other_spellings', 'birth_date', 'sex', 'iin', 'citizenship', 'country_of_origin', 'id_document_type',
  'id_document_number', 'id_document_expiry', 'education_level', 'languages', 'region_id', 'search_key',
  'document_key', 'created_by', 'created_at', 'updated_at',
]; // prettier-ignore
const APPLICATION_COLUMNS = [
  'id', 'number', 'status', 'channel', 'region_id', 'assigned_to_id', 'applicant_id', 'deadline_stage',
  'deadline_due', 'deadline_paused_remaining', 'submitted_at', 'decided_at', 'legal_ground_id', 'decision_comment',
  'status_valid_from', 'status_valid_to', 'extension_count', 'version', 'created_by', 'created_at', 'updated_at',
]; // prettier-ignore
const MEMBER_COLUMNS = ['application_id', 'person_id', 'relation', 'active', 'created_at'];
const CERTIFICATE_COLUMNS = [
  'number', 'application_id', 'holder_initials', 'issued_on', 'valid_from', 'valid_to', 'revoked_at', 'created_at',
]; // prettier-ignore
const DECISIONS = new Set(['approve', 'reject', 'refuse_acceptance', 'commission_reject', 'revoke']);

/** A value in COPY's text format: \N for null, backslash, tab and line breaks escaped. */
function field(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const text = value instanceof Date ? value.toISOString() : String(value);
  return text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}
const line = (values: unknown[]): string => values.map(field).join('\t') + '\n';
/** A text[] literal, every element quoted. */
const array = (values: readonly string[]): string =>
  `{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;

interface Definitions {
  indexes: { name: string; definition: string }[];
  foreignKeys: { table: string; name: string; definition: string }[];
}

/** The secondary indexes and foreign keys of the loaded tables, as their own definitions. */
async function definitions(manager: EntityManager): Promise<Definitions> {
  const indexes = await manager.query<{ name: string; definition: string }[]>(
    `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
      WHERE i.schemaname = current_schema() AND i.tablename = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.contype IN ('p', 'u'))`,
    [TABLES],
  );
  const foreignKeys = await manager.query<{ table: string; name: string; definition: string }[]>(
    `SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c WHERE c.contype = 'f' AND c.conrelid = ANY($1::regclass[])`,
    [TABLES],
  );
  return { indexes, foreignKeys };
}

class Copier {
  constructor(private readonly client: PoolClient) {}

  async copy(table: string, columns: string[], text: string): Promise<void> {
    if (text.length === 0) return;
    const stream = this.client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
    await new Promise<void>((resolve, reject) => {
      stream.on('error', reject);
      stream.on('finish', resolve);
      stream.end(text);
    });
  }
}

/** Next ids of the loaded tables, taken from their sequences at the start and set back at the end. */
interface Ids {
  person: number;
  application: number;
}

export async function loadNationalDemo(
  dataSource: DataSource,
  audit: AuditService,
  options: DemoOptions,
  progress: (families: number) => void = () => undefined,
): Promise<DemoResult | null> {
  const started = performance.now();
  const runner = dataSource.createQueryRunner();
  const client = (await runner.connect()) as PoolClient;
  const manager = runner.manager;
  await runner.startTransaction();
  try {
    await audit.lockChain(manager);
    const [done] = await manager.query<unknown[]>('SELECT 1 FROM audit_event WHERE action = $1 LIMIT 1', [
      DEMO_MARKER_ACTION,
    ]);
    if (done) {
      await runner.rollbackTransaction();
      return null;
    }
    // Nothing else writes these tables until the commit: the ids below are ours alone.
    await manager.query(`LOCK TABLE ${TABLES.join(', ')} IN EXCLUSIVE MODE`);
    const { reference, quotas } = await loadReference(manager);
    const ids: Ids = {
      person: Number((await manager.query<{ n: string }[]>(`SELECT nextval('person_id_seq') AS n`))[0].n),
      application: Number((await manager.query<{ n: string }[]>(`SELECT nextval('application_id_seq') AS n`))[0].n),
    };
    const defs = await definitions(manager);
    for (const fk of defs.foreignKeys) await manager.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT ${fk.name}`);
    for (const index of defs.indexes) await manager.query(`DROP INDEX ${index.name}`);

    const copier = new Copier(client);
    const certificateNumbers = new Set<string>();
    let [persons, families, batches] = [0, 0, 0];
    type Texts = { person: string; application: string; member: string; certificate: string; families: number };
    const empty = (): Texts => ({ person: '', application: '', member: '', certificate: '', families: 0 });
    let text = empty();
    const add = (plan: FamilyPlan) => {
      const regionId = reference.regionIds.get(plan.regionCode)!;
      const worker = reference.caseworkers.get(regionId) ?? reference.admin;
      const assigned = reference.caseworkers.get(regionId)?.id ?? null;
      const appId = ids.application++;
      const personIds = plan.members.map(() => ids.person++);
      const active = !TERMINAL.has(plan.status);
      plan.members.forEach((person, k) => {
        const at = new Date(plan.createdAt.getTime() + (-600 + k * 30) * 1000);
        text.person += line([
          personIds[k], person.surname, person.givenName, person.patronymic, person.surnameLatin,
          person.givenNameLatin, person.patronymicLatin, array(person.otherSpellings), person.birthDate, person.sex,
          person.iin, person.countryOfOrigin, person.countryOfOrigin, person.idDocumentType, person.idDocumentNumber,
          person.idDocumentExpiry, person.educationLevel, array(person.languages), regionId, personSearchKey(person),
          documentKey(person.idDocumentNumber), worker.id, at, at,
        ]); // prettier-ignore
        text.member += line([appId, personIds[k], person.relation, active, plan.createdAt]);
      });
      // As the demo writer numbers cases: per year of submission, in family order.
      let number: string | null = null;
      let submittedAt: Date | null = null;
      let decided: { at: Date; ground: number | null; comment: string | null } | null = null;
      for (const step of plan.steps) {
        if (step.transition === 'submit') {
          const year = step.at.getUTCFullYear();
          const sequence = (reference.counters.get(year) ?? 0) + 1;
          reference.counters.set(year, sequence);
          number = formatApplicationNumber(year, sequence);
          submittedAt = step.at;
        }
        if (DECISIONS.has(step.transition)) {
          const ground = step.legalGround ? (reference.legalGrounds.get(step.legalGround) ?? null) : null;
          decided = { at: step.at, ground, comment: step.comment };
        }
      }
      const lastAt = plan.steps.length > 0 ? plan.steps[plan.steps.length - 1].at : plan.createdAt;
      text.application += line([
        appId, number, plan.status, plan.channel, regionId, plan.steps.length > 0 ? assigned : null, personIds[0],
        plan.deadline?.stage ?? null, plan.deadline?.due ?? null, plan.deadline?.pausedRemaining ?? null, submittedAt,
        decided?.at ?? null, decided?.ground ?? null, decided?.comment ?? null, plan.statusValidFrom,
        plan.statusValidTo, plan.extensionCount, 1 + plan.steps.length, worker.id, plan.createdAt, lastAt,
      ]); // prettier-ignore
      if (plan.certificate) {
        let candidate = plan.certificate.number;
        // Seeded numbers may meet (about once in a million families): a later one draws again from its index.
        const redraw = seededRandom(plan.index);
        while (certificateNumbers.has(candidate))
          candidate = newCertificateNumber(Number(candidate.slice(3, 7)), (n) => redraw.int(0, n - 1));
        certificateNumbers.add(candidate);
        const applicant = plan.members[0];
        text.certificate += line([
          candidate, appId, holderInitials(applicant.givenName, applicant.surname), plan.certificate.issuedOn,
          plan.statusValidFrom, plan.statusValidTo, plan.certificate.revokedAt, plan.certificate.issuedOn,
        ]); // prettier-ignore
      }
      persons += plan.members.length;
      text.families++;
    };
    const write = async (batch: Texts) => {
      const first = ids.application - batch.families;
      await copier.copy('person', PERSON_COLUMNS, batch.person);
      await copier.copy('application', APPLICATION_COLUMNS, batch.application);
      await copier.copy('application_member', MEMBER_COLUMNS, batch.member);
      await copier.copy('certificate', CERTIFICATE_COLUMNS, batch.certificate);
      families += batch.families;
      batches++;
      // One chain entry per batch says what the seeding wrote (the per-family history is left out).
      await audit.record(manager, CONTEXT, {
        action: DEMO_BATCH_ACTION,
        changes: {
          applications: { before: null, after: `${first}-${first + batch.families - 1}` },
          families: { before: null, after: batch.families },
        },
      });
      progress(families);
    };
    // Node plans the next batch while PostgreSQL takes the last one; yielding now and then lets the COPY data flow.
    let writing: Promise<void> = Promise.resolve();
    for (const plan of planDemo({ seed: options.seed, today: options.today, quotas }, options.families)) {
      add(plan);
      if (text.families % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
      if (text.families === BATCH) {
        const batch = text;
        text = empty();
        await writing;
        writing = write(batch);
        // Handled here so a failed batch is not an unhandled rejection while the next one is planned; awaited below.
        writing.catch(() => undefined);
      }
    }
    await writing;
    if (text.families > 0) await write(text);
    const loaded = performance.now();

    await manager.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    for (const index of defs.indexes) await manager.query(index.definition);
    for (const fk of defs.foreignKeys)
      await manager.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT ${fk.name} ${fk.definition}`);
    await manager.query(`SELECT setval('person_id_seq', $1), setval('application_id_seq', $2)`, [
      ids.person - 1,
      ids.application - 1,
    ]);
    await manager.query(
      `INSERT INTO application_number_counter (year, last_value) SELECT * FROM unnest($1::int[], $2::int[])
         ON CONFLICT (year) DO UPDATE SET last_value = GREATEST(application_number_counter.last_value, EXCLUDED.last_value)`,
      [[...reference.counters.keys()], [...reference.counters.values()]],
    );
    await audit.record(manager, CONTEXT, {
      action: DEMO_MARKER_ACTION,
      changes: {
        families: { before: null, after: options.families },
        seed: { before: null, after: options.seed },
        today: { before: null, after: options.today },
        persons: { before: null, after: persons },
        mode: { before: null, after: 'national' },
      },
    });
    await runner.commitTransaction();
    const indexed = performance.now();
    // As autovacuum would leave them: planner statistics and a visibility map for index-only scans.
    await manager.query(`VACUUM ANALYZE ${TABLES.join(', ')}`);
    const end = performance.now();
    return {
      families,
      persons,
      auditEvents: batches + 1,
      seconds: (end - started) / 1000,
      phases: { load: (loaded - started) / 1000, indexes: (indexed - loaded) / 1000, vacuum: (end - indexed) / 1000 },
    };
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}
