import { createHash } from 'node:crypto';
import {
  type AdaptationService,
  formatApplicationNumber,
  HOUSING,
  TERMINAL_STATUSES,
  type TransitionName,
} from '@qonys/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { RequestContext } from '../../../common/auth/actor';
import { bulkInsert, nextIds, pgArray } from '../../../common/persistence/bulk-insert';
import type { AuditService, HistoricAuditEntry } from '../../../modules/audit/audit.service';
import { holderInitials, newCertificateNumber } from '../../../modules/applications/certificate-number';
import type { FileStore } from '../../../common/storage/file-store';
import { documentKey, personSearchKey } from '../../../modules/persons/person-keys';
import { type FamilyPlan, planDemo, type QuotaBook } from './family-plan';
import { seededRandom } from './random';

/**
 * Writes planned demo families (family-plan.ts) in bulk: ids drawn from the tables'
 * own sequences, rows inserted with one unnest statement per table and chunk, the
 * case statuses then moved step by step through the state-machine trigger, the quota
 * counters changed under their CHECK, and the audit chain continued in bulk. All in
 * one transaction, and only once: the `demo_data.generate` audit entry marks it.
 */

export interface DemoOptions {
  families: number;
  seed: number;
  /** YYYY-MM-DD */
  today: string;
}

export interface DemoResult {
  families: number;
  persons: number;
  auditEvents: number;
  seconds: number;
  /** The national path's parts, in seconds: rows sent, indexes and foreign keys rebuilt, VACUUM ANALYZE. */
  phases?: { load: number; indexes: number; vacuum: number };
}

export const DEMO_MARKER_ACTION = 'demo_data.generate';
const CONTEXT: RequestContext = { actor: null, requestId: 'demo-seed', ip: null };
const BATCH = 2000;
const TERMINAL = new Set<string>(TERMINAL_STATUSES);
const DECISIONS = new Set<TransitionName>(['approve', 'reject', 'refuse_acceptance', 'commission_reject', 'revoke']);

/** One sample PDF stands for every demo document (a demo has no scans to show). */
const SAMPLE_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n' +
    'trailer\n<< /Root 1 0 R >>\n%%EOF\n',
);
const SAMPLE_KEY = 'documents/2016/01/00000000-0000-4000-8000-000000000000';
const SAMPLE_SHA256 = createHash('sha256').update(SAMPLE_PDF).digest('hex');

interface Staff {
  id: number;
  username: string;
  role: string;
}

/** The reference rows the demo links to, read once. */
interface Reference {
  regionIds: Map<string, number>;
  caseworkers: Map<number, Staff>;
  officials: Map<number, Staff>;
  admin: Staff;
  documentTypes: Map<string, number>;
  legalGrounds: Map<string, number>;
  quotaIds: Map<string, number>;
  counters: Map<number, number>;
}

export async function loadReference(manager: EntityManager): Promise<{ reference: Reference; quotas: QuotaBook }> {
  const regions = await manager.query<{ id: number; code: string }[]>('SELECT id, code FROM region');
  const users = await manager.query<(Staff & { region_id: number | null })[]>(
    'SELECT id, username, role, region_id FROM app_user WHERE NOT disabled ORDER BY id',
  );
  const admin = users.find((u) => u.role === 'admin');
  if (!admin) throw new Error('demo families need an admin user: load the demo users first');
  const byRole = (role: string) => {
    const map = new Map<number, Staff>();
    for (const u of users)
      if (u.role === role && u.region_id !== null && !map.has(u.region_id)) map.set(u.region_id, u);
    return map;
  };
  const types = await manager.query<{ id: number; key: string }[]>(
    'SELECT id, key FROM document_type WHERE valid_to IS NULL ORDER BY id',
  );
  const grounds = await manager.query<{ id: number; code: string }[]>('SELECT id, code FROM legal_ground');
  const quotaRows = await manager.query<{ id: number; year: number; code: string; free: number }[]>(
    `SELECT q.id, q.year, r.code, q.capacity - q.reserved - q.settled AS free
       FROM quota q JOIN region r ON r.id = q.region_id WHERE q.category = 'kandas' ORDER BY q.id`,
  );
  const counters = await manager.query<{ year: number; last_value: number }[]>(
    'SELECT year, last_value FROM application_number_counter',
  );
  const quotas: QuotaBook = new Map();
  const quotaIds = new Map<string, number>();
  for (const q of quotaRows) {
    if (!quotas.has(q.year)) quotas.set(q.year, new Map());
    quotas.get(q.year)!.set(q.code, q.free);
    quotaIds.set(`${q.year}:${q.code}`, q.id);
  }
  return {
    reference: {
      regionIds: new Map(regions.map((r) => [r.code, r.id])),
      caseworkers: byRole('caseworker'),
      officials: byRole('regional_official'),
      admin,
      documentTypes: new Map(types.map((t) => [t.key, t.id])),
      legalGrounds: new Map(grounds.map((g) => [g.code, g.id])),
      quotaIds,
      counters: new Map(counters.map((c) => [c.year, c.last_value])),
    },
    quotas,
  };
}

const PERSON_COLUMNS = [
  ['id', 'int'],
  ['surname', 'text'],
  ['given_name', 'text'],
  ['patronymic', 'text'],
  ['surname_latin', 'text'],
  ['given_name_latin', 'text'],
  ['patronymic_latin', 'text'],
  ['other_spellings', 'text[]'],
  ['birth_date', 'date'],
  ['sex', 'text'],
  ['iin', 'text'],
  ['citizenship', 'text'],
  ['country_of_origin', 'text'],
  ['id_document_type', 'text'],
  ['id_document_number', 'text'],
  ['id_document_expiry', 'date'],
  ['education_level', 'text'],
  ['languages', 'text[]'],
  ['region_id', 'int'],
  ['search_key', 'text'],
  ['document_key', 'text'],
  ['created_by', 'int'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
] as const;
const APPLICATION_COLUMNS = [
  ['id', 'int'],
  ['number', 'text'],
  ['status', 'text'],
  ['channel', 'text'],
  ['region_id', 'int'],
  ['assigned_to_id', 'int'],
  ['applicant_id', 'int'],
  ['deadline_stage', 'text'],
  ['deadline_due', 'date'],
  ['deadline_paused_remaining', 'int'],
  ['submitted_at', 'timestamptz'],
  ['decided_at', 'timestamptz'],
  ['legal_ground_id', 'int'],
  ['decision_comment', 'text'],
  ['status_valid_from', 'date'],
  ['status_valid_to', 'date'],
  ['extension_count', 'int'],
  ['version', 'int'],
  ['created_by', 'int'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
] as const;
const MEMBER_COLUMNS = [
  ['application_id', 'int'],
  ['person_id', 'int'],
  ['relation', 'text'],
  ['active', 'boolean'],
  ['created_at', 'timestamptz'],
] as const;
const EVENT_COLUMNS = [
  ['application_id', 'int'],
  ['occurred_at', 'timestamptz'],
  ['actor_id', 'int'],
  ['type', 'text'],
  ['transition', 'text'],
  ['from_status', 'text'],
  ['to_status', 'text'],
  ['comment', 'text'],
  ['data', 'jsonb'],
] as const;
const DOCUMENT_COLUMNS = [
  ['id', 'int'],
  ['application_id', 'int'],
  ['person_id', 'int'],
  ['document_type_id', 'int'],
  ['file_name', 'text'],
  ['content_type', 'text'],
  ['size_bytes', 'int'],
  ['sha256', 'text'],
  ['storage_key', 'text'],
  ['status', 'text'],
  ['uploaded_by', 'int'],
  ['reviewed_by', 'int'],
  ['reviewed_at', 'timestamptz'],
  ['version', 'int'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
] as const;
const CERTIFICATE_COLUMNS = [
  ['number', 'text'],
  ['application_id', 'int'],
  ['holder_initials', 'text'],
  ['issued_on', 'date'],
  ['valid_from', 'date'],
  ['valid_to', 'date'],
  ['revoked_at', 'timestamptz'],
  ['created_at', 'timestamptz'],
] as const;
const INCLUSION_COLUMNS = [
  ['id', 'int'],
  ['application_id', 'int'],
  ['year', 'int'],
  ['status', 'text'],
  ['preferred_region_ids', 'int[]'],
  ['consent', 'boolean'],
  ['adaptation_services', 'text[]'],
  ['persons', 'int'],
  ['region_id', 'int'],
  ['deadline_due', 'date'],
  ['decided_at', 'timestamptz'],
  ['decided_by', 'int'],
  ['refusal_reason', 'text'],
  ['version', 'int'],
  ['created_by', 'int'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
] as const;
const RESERVATION_COLUMNS = [
  ['id', 'int'],
  ['quota_id', 'int'],
  ['inclusion_request_id', 'int'],
  ['application_id', 'int'],
  ['persons', 'int'],
  ['status', 'text'],
  ['created_by', 'int'],
  ['created_at', 'timestamptz'],
  ['settled_at', 'timestamptz'],
] as const;
const SETTLEMENT_COLUMNS = [
  ['id', 'int'],
  ['reservation_id', 'int'],
  ['application_id', 'int'],
  ['region_id', 'int'],
  ['housing', 'text'],
  ['planned_arrival', 'date'],
  ['actual_arrival', 'date'],
  ['status', 'text'],
  ['confirmed_by', 'int'],
  ['version', 'int'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
] as const;
const LEDGER_COLUMNS = [
  ['quota_id', 'int'],
  ['entry_date', 'date'],
  ['kind', 'text'],
  ['reserved_delta', 'int'],
  ['settled_delta', 'int'],
  ['reservation_id', 'int'],
  ['actor_id', 'int'],
  ['created_at', 'timestamptz'],
] as const;

/** Individual adaptation plans: a few usual sets of services. */
const ADAPTATION: readonly (readonly AdaptationService[])[] = [
  ['information', 'legal'],
  ['information', 'social', 'medical'],
  ['educational'],
  ['information'],
];
const later = (at: Date, seconds: number) => new Date(at.getTime() + seconds * 1000);
const actorOf = (s: Staff) => ({ id: s.id, username: s.username, role: s.role });
const created = <T>(fields: Record<string, T>) =>
  Object.fromEntries(Object.entries(fields).map(([key, after]) => [key, { before: null, after }]));

/** The rows of one batch of families, table by table, and the quota changes they make. */
/** Adds a case's timeline line to the batch. */
type TimelineWriter = (
  at: Date,
  by: number | null,
  type: string,
  transition: string | null,
  from: string | null,
  to: string | null,
  comment: string | null,
  data: unknown,
) => void;

/** Adds an audit entry to the batch, in the case's region unless another is named. */
type AuditWriter = (
  at: Date,
  by: Staff,
  action: string,
  entityType: string,
  entityId: number,
  changes: Record<string, unknown>,
  region?: number,
) => void;

class Batch {
  persons: unknown[][] = [];
  applications: unknown[][] = [];
  members: unknown[][] = [];
  events: unknown[][] = [];
  documents: unknown[][] = [];
  certificates: unknown[][] = [];
  inclusions: unknown[][] = [];
  reservations: unknown[][] = [];
  settlements: unknown[][] = [];
  ledger: unknown[][] = [];
  audit: HistoricAuditEntry[] = [];
  /** steps[k]: [application id, status after its k-th step] */
  steps: [number, string][][] = [];
  quotaDeltas = new Map<number, { reserved: number; settled: number }>();
}

class DemoWriter {
  private readonly certificateNumbers = new Set<string>();

  constructor(
    private readonly manager: EntityManager,
    private readonly reference: Reference,
  ) {}

  async write(
    plans: FamilyPlan[],
  ): Promise<{ persons: number; audit: HistoricAuditEntry[]; quota: Batch['quotaDeltas'] }> {
    const m = this.manager;
    const personCount = plans.reduce((n, p) => n + p.members.length, 0);
    const personIds = await nextIds(m, 'person_id_seq', personCount);
    const applicationIds = await nextIds(m, 'application_id_seq', plans.length);
    const documentIds = await nextIds(
      m,
      'document_id_seq',
      plans.reduce((n, p) => n + p.documents.length, 0),
    );
    const inclusionIds = await nextIds(m, 'inclusion_request_id_seq', plans.filter((p) => p.inclusion).length);
    const placed = plans.filter((p) => p.inclusion?.decision?.included).length;
    const reservationIds = await nextIds(m, 'reservation_id_seq', placed);
    const settlementIds = await nextIds(m, 'settlement_id_seq', placed);

    const batch = new Batch();
    let [p, d, i, r] = [0, 0, 0, 0];
    for (const [n, plan] of plans.entries()) {
      const ids = {
        application: applicationIds[n],
        persons: personIds.slice(p, (p += plan.members.length)),
        documents: documentIds.slice(d, (d += plan.documents.length)),
        inclusion: plan.inclusion ? inclusionIds[i++] : null,
        reservation: plan.inclusion?.decision?.included ? reservationIds[r] : null,
        settlement: plan.inclusion?.decision?.included ? settlementIds[r++] : null,
      };
      this.family(batch, plan, ids);
    }

    await bulkInsert(m, 'person', PERSON_COLUMNS, batch.persons);
    await bulkInsert(m, 'application', APPLICATION_COLUMNS, batch.applications);
    // The statuses move through the state-machine trigger, one step of every case at a time.
    for (const step of batch.steps) {
      if (!step) continue;
      await m.query(
        `UPDATE application a SET status = u.status FROM unnest($1::int[], $2::text[]) AS u(id, status) WHERE a.id = u.id`,
        [step.map(([id]) => id), step.map(([, status]) => status)],
      );
    }
    await bulkInsert(m, 'application_member', MEMBER_COLUMNS, batch.members);
    await bulkInsert(m, 'application_event', EVENT_COLUMNS, batch.events);
    await bulkInsert(m, 'document', DOCUMENT_COLUMNS, batch.documents);
    await bulkInsert(m, 'certificate', CERTIFICATE_COLUMNS, batch.certificates);
    await bulkInsert(m, 'inclusion_request', INCLUSION_COLUMNS, batch.inclusions);
    await bulkInsert(m, 'reservation', RESERVATION_COLUMNS, batch.reservations);
    await bulkInsert(m, 'settlement', SETTLEMENT_COLUMNS, batch.settlements);
    await bulkInsert(m, 'quota_ledger_entry', LEDGER_COLUMNS, batch.ledger);
    return { persons: personCount, audit: batch.audit, quota: batch.quotaDeltas };
  }

  private family(
    batch: Batch,
    plan: FamilyPlan,
    ids: {
      application: number;
      persons: number[];
      documents: number[];
      inclusion: number | null;
      reservation: number | null;
      settlement: number | null;
    },
  ): void {
    const ref = this.reference;
    const regionId = ref.regionIds.get(plan.regionCode)!;
    const worker = ref.caseworkers.get(regionId) ?? ref.admin;
    const assigned = ref.caseworkers.get(regionId)?.id ?? null;
    const appId = ids.application;
    const audit: AuditWriter = (at, by, action, entityType, entityId, changes, region = regionId) =>
      batch.audit.push({
        occurredAt: at,
        actor: actorOf(by),
        action,
        entityType,
        entityId,
        regionId: region,
        changes: changes as HistoricAuditEntry['changes'],
      });
    const event: TimelineWriter = (at, by, type, transition, from, to, comment, data) =>
      batch.events.push([
        appId,
        at.toISOString(),
        by,
        type,
        transition,
        from,
        to,
        comment,
        data === null ? null : JSON.stringify(data),
      ]);

    // Persons, then the case in draft with its members.
    plan.members.forEach((person, k) => {
      const at = later(plan.createdAt, -600 + k * 30);
      batch.persons.push([
        ids.persons[k],
        person.surname,
        person.givenName,
        person.patronymic,
        person.surnameLatin,
        person.givenNameLatin,
        person.patronymicLatin,
        pgArray(person.otherSpellings),
        person.birthDate,
        person.sex,
        person.iin,
        person.countryOfOrigin,
        person.countryOfOrigin,
        person.idDocumentType,
        person.idDocumentNumber,
        person.idDocumentExpiry,
        person.educationLevel,
        pgArray(person.languages),
        regionId,
        personSearchKey(person),
        documentKey(person.idDocumentNumber),
        worker.id,
        at.toISOString(),
        at.toISOString(),
      ]);
      audit(
        at,
        worker,
        'person.create',
        'person',
        ids.persons[k],
        created({
          surname: person.surname,
          givenName: person.givenName,
          birthDate: person.birthDate,
          sex: person.sex,
          countryOfOrigin: person.countryOfOrigin,
          regionId,
        }),
      );
    });
    const members = plan.members.map((person, k) => ({ personId: ids.persons[k], relation: person.relation }));
    const active = !TERMINAL.has(plan.status);
    for (const member of members)
      batch.members.push([appId, member.personId, member.relation, active, plan.createdAt.toISOString()]);
    event(plan.createdAt, worker.id, 'created', null, null, 'draft', null, {
      channel: plan.channel,
      assignedToId: assigned,
      members,
    });
    audit(plan.createdAt, worker, 'application.create', 'application', appId, {
      ...created({
        status: 'draft',
        channel: plan.channel,
        regionId,
        assignedToId: assigned,
        applicantId: ids.persons[0],
      }),
      members: { before: null, after: members },
    });

    // Documents: uploaded at intake, verified at the completeness check.
    plan.documents.forEach((doc, k) => {
      const personId = doc.member === null ? null : ids.persons[doc.member];
      const typeId = ref.documentTypes.get(doc.typeKey)!;
      const fileName = `${doc.typeKey}.pdf`;
      const reviewedAt = doc.verifiedAt ? later(doc.verifiedAt, -300 + k) : null;
      batch.documents.push([
        ids.documents[k],
        appId,
        personId,
        typeId,
        fileName,
        'application/pdf',
        SAMPLE_PDF.length,
        SAMPLE_SHA256,
        SAMPLE_KEY,
        reviewedAt ? 'verified' : 'uploaded',
        worker.id,
        reviewedAt ? worker.id : null,
        reviewedAt?.toISOString() ?? null,
        reviewedAt ? 2 : 1,
        doc.uploadedAt.toISOString(),
        (reviewedAt ?? doc.uploadedAt).toISOString(),
      ]);
      const facts = { documentId: ids.documents[k], documentType: doc.typeKey, personId, fileName };
      event(doc.uploadedAt, worker.id, 'document', null, null, null, null, { action: 'uploaded', ...facts });
      audit(
        doc.uploadedAt,
        worker,
        'document.upload',
        'document',
        ids.documents[k],
        created({
          applicationId: appId,
          personId,
          documentTypeId: typeId,
          fileName,
          contentType: 'application/pdf',
          status: 'uploaded',
        }),
      );
      if (reviewedAt) {
        event(reviewedAt, worker.id, 'document', null, null, null, null, { action: 'verified', ...facts });
        audit(reviewedAt, worker, 'document.review', 'document', ids.documents[k], {
          status: { before: 'uploaded', after: 'verified' },
          reviewedBy: { before: null, after: worker.id },
        });
      }
    });

    // The case's steps; the row keeps what the last of them left.
    let number: string | null = null;
    let submittedAt: Date | null = null;
    let decision: { at: Date; ground: number | null; comment: string | null } | null = null;
    plan.steps.forEach((step, k) => {
      if (step.transition === 'submit') {
        const year = step.at.getUTCFullYear();
        const sequence = (ref.counters.get(year) ?? 0) + 1;
        ref.counters.set(year, sequence);
        number = formatApplicationNumber(year, sequence);
        submittedAt = step.at;
      }
      const ground = step.legalGround ? (ref.legalGrounds.get(step.legalGround) ?? null) : null;
      if (DECISIONS.has(step.transition)) decision = { at: step.at, ground, comment: step.comment };
      if (step.from !== step.to) (batch.steps[k] ??= []).push([appId, step.to]);
      event(step.at, worker.id, 'transition', step.transition, step.from, step.to, step.comment, {
        ...(ground ? { legalGroundId: ground } : {}),
        ...(step.transition === 'submit' ? { number } : {}),
      });
      audit(step.at, worker, 'application.transition', 'application', appId, {
        transition: { before: null, after: step.transition },
        status: { before: step.from, after: step.to },
        ...(step.transition === 'submit' ? { number: { before: null, after: number } } : {}),
        ...(ground ? { legalGroundId: { before: null, after: ground } } : {}),
      });
    });
    const decided = decision as { at: Date; ground: number | null; comment: string | null } | null;
    const lastAt = plan.steps.length > 0 ? plan.steps[plan.steps.length - 1].at : plan.createdAt;
    batch.applications.push([
      appId,
      number,
      'draft',
      plan.channel,
      regionId,
      plan.steps.length > 0 ? assigned : null,
      ids.persons[0],
      plan.deadline?.stage ?? null,
      plan.deadline?.due ?? null,
      plan.deadline?.pausedRemaining ?? null,
      (submittedAt as Date | null)?.toISOString() ?? null,
      decided?.at.toISOString() ?? null,
      decided?.ground ?? null,
      decided?.comment ?? null,
      plan.statusValidFrom,
      plan.statusValidTo,
      plan.extensionCount,
      1 + plan.steps.length,
      worker.id,
      plan.createdAt.toISOString(),
      lastAt.toISOString(),
    ]);
    if (plan.certificate) {
      const applicant = plan.members[0];
      batch.certificates.push([
        this.uniqueCertificateNumber(plan.certificate.number, plan.index),
        appId,
        holderInitials(applicant.givenName, applicant.surname),
        plan.certificate.issuedOn,
        plan.statusValidFrom,
        plan.statusValidTo,
        plan.certificate.revokedAt?.toISOString() ?? null,
        plan.certificate.issuedOn,
      ]);
    }
    if (plan.inclusion && ids.inclusion !== null)
      this.inclusion(batch, plan, appId, ids.inclusion, ids.reservation, ids.settlement, worker, event, audit);
  }

  private inclusion(
    batch: Batch,
    plan: FamilyPlan,
    appId: number,
    inclusionId: number,
    reservationId: number | null,
    settlementId: number | null,
    worker: Staff,
    event: TimelineWriter,
    audit: AuditWriter,
  ): void {
    const ref = this.reference;
    const inc = plan.inclusion!;
    const preferred = inc.preferredRegions.map((code) => ref.regionIds.get(code)!);
    const decision = inc.decision;
    const regionId = decision ? ref.regionIds.get(decision.region)! : preferred[0];
    const official = ref.officials.get(regionId) ?? ref.admin;
    const services = ADAPTATION[plan.index % ADAPTATION.length];
    const status = decision === null ? 'submitted' : decision.included ? 'included' : 'refused';
    const refusal = decision && !decision.included ? 'Квота толық бөлінді / Квота исчерпана' : null;
    batch.inclusions.push([
      inclusionId,
      appId,
      inc.year,
      status,
      pgArray(preferred),
      true,
      pgArray(services),
      inc.persons,
      regionId,
      inc.deadlineDue,
      decision?.at.toISOString() ?? null,
      decision ? official.id : null,
      refusal,
      decision ? 2 : 1,
      worker.id,
      inc.requestedAt.toISOString(),
      (decision?.at ?? inc.requestedAt).toISOString(),
    ]);
    event(inc.requestedAt, worker.id, 'updated', 'inclusion.request', null, null, null, {
      inclusionRequestId: inclusionId,
      preferredRegionIds: preferred,
      deadlineDue: inc.deadlineDue,
    });
    audit(
      inc.requestedAt,
      worker,
      'inclusion_request.create',
      'inclusion_request',
      inclusionId,
      created({
        applicationId: appId,
        year: inc.year,
        category: 'kandas',
        preferredRegionIds: preferred,
        adaptationServices: services,
        persons: inc.persons,
        regionId: preferred[0],
        deadlineDue: inc.deadlineDue,
      }),
      preferred[0],
    );
    if (!decision) return;
    const kind = decision.included ? 'include' : 'refuse';
    event(decision.at, official.id, 'updated', `inclusion.${kind}`, null, null, refusal, {
      inclusionRequestId: inclusionId,
      regionId,
      reservationId,
      settlementId,
    });
    audit(
      decision.at,
      official,
      `inclusion_request.${kind}`,
      'inclusion_request',
      inclusionId,
      {
        status: { before: 'submitted', after: status },
        decidedBy: { before: null, after: official.id },
        ...(refusal ? { refusalReason: { before: null, after: refusal } } : {}),
        ...(reservationId ? { reservationId: { before: null, after: reservationId } } : {}),
      },
      regionId,
    );
    if (!decision.included || reservationId === null || settlementId === null) return;

    const quotaId = ref.quotaIds.get(`${inc.year}:${decision.region}`)!;
    const settlement = inc.settlement!;
    const arrived = settlement.arrivedAt;
    const delta = batch.quotaDeltas.get(quotaId) ?? { reserved: 0, settled: 0 };
    if (arrived) delta.settled += inc.persons;
    else delta.reserved += inc.persons;
    batch.quotaDeltas.set(quotaId, delta);
    const reservedAt = later(decision.at, 1);
    batch.reservations.push([
      reservationId,
      quotaId,
      inclusionId,
      appId,
      inc.persons,
      arrived ? 'settled' : 'reserved',
      official.id,
      reservedAt.toISOString(),
      arrived?.toISOString() ?? null,
    ]);
    batch.ledger.push([
      quotaId,
      reservedAt.toISOString().slice(0, 10),
      'reserve',
      inc.persons,
      0,
      reservationId,
      official.id,
      reservedAt.toISOString(),
    ]);
    audit(
      reservedAt,
      official,
      'reservation.reserve',
      'reservation',
      reservationId,
      created({ applicationId: appId, quotaId, persons: inc.persons }),
      regionId,
    );
    const settlementAt = later(decision.at, 2);
    const housing = HOUSING[plan.index % HOUSING.length];
    batch.settlements.push([
      settlementId,
      reservationId,
      appId,
      regionId,
      housing,
      settlement.plannedArrival,
      settlement.actualArrival,
      arrived ? 'arrived' : 'planned',
      arrived ? official.id : null,
      arrived ? 2 : 1,
      settlementAt.toISOString(),
      (arrived ?? settlementAt).toISOString(),
    ]);
    audit(
      settlementAt,
      official,
      'settlement.create',
      'settlement',
      settlementId,
      created({ applicationId: appId, reservationId, regionId, status: 'planned' }),
      regionId,
    );
    if (!arrived) return;
    event(arrived, official.id, 'updated', 'settlement.arrival', null, null, null, {
      settlementId,
      regionId,
      actualArrival: settlement.actualArrival,
    });
    audit(
      arrived,
      official,
      'settlement.arrival',
      'settlement',
      settlementId,
      {
        status: { before: 'planned', after: 'arrived' },
        actualArrival: { before: null, after: settlement.actualArrival },
        confirmedBy: { before: null, after: official.id },
      },
      regionId,
    );
    batch.ledger.push([
      quotaId,
      settlement.actualArrival,
      'settle',
      -inc.persons,
      inc.persons,
      reservationId,
      official.id,
      arrived.toISOString(),
    ]);
    audit(
      later(arrived, 1),
      official,
      'reservation.settle',
      'reservation',
      reservationId,
      {
        status: { before: 'reserved', after: 'settled' },
        persons: { before: null, after: inc.persons },
      },
      regionId,
    );
  }

  /** Seeded numbers may meet (about once in a million families): a later one then draws again from its index. */
  private uniqueCertificateNumber(number: string, index: number): string {
    let candidate = number;
    const redraw = seededRandom(index);
    while (this.certificateNumbers.has(candidate)) {
      candidate = newCertificateNumber(Number(number.slice(3, 7)), (n) => redraw.int(0, n - 1));
    }
    this.certificateNumbers.add(candidate);
    return candidate;
  }
}

/**
 * Loads the demo families unless they are there already; null when they were. The
 * demo users (seedDemoData) must exist: the families' case work is theirs.
 */
export async function loadDemoFamilies(
  dataSource: DataSource,
  audit: AuditService,
  files: FileStore,
  options: DemoOptions,
): Promise<DemoResult | null> {
  const started = performance.now();
  return dataSource.transaction(async (manager) => {
    await audit.lockChain(manager);
    const [done] = await manager.query<unknown[]>('SELECT 1 FROM audit_event WHERE action = $1 LIMIT 1', [
      DEMO_MARKER_ACTION,
    ]);
    if (done) return null;
    const { reference, quotas } = await loadReference(manager);
    await files.put(SAMPLE_KEY, SAMPLE_PDF, 'application/pdf');
    const writer = new DemoWriter(manager, reference);
    let [persons, auditEvents] = [0, 0];
    let plans: FamilyPlan[] = [];
    const quotaTotals = new Map<number, { reserved: number; settled: number }>();
    const flush = async () => {
      const written = await writer.write(plans);
      persons += written.persons;
      for (const [id, d] of written.quota) {
        const total = quotaTotals.get(id) ?? { reserved: 0, settled: 0 };
        quotaTotals.set(id, { reserved: total.reserved + d.reserved, settled: total.settled + d.settled });
      }
      // In time order within the batch, so the log reads as the history happened.
      const entries = written.audit.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
      await audit.recordHistory(manager, CONTEXT, entries);
      auditEvents += entries.length;
      plans = [];
    };
    for (const plan of planDemo({ seed: options.seed, today: options.today, quotas }, options.families)) {
      plans.push(plan);
      if (plans.length === BATCH) await flush();
    }
    if (plans.length > 0) await flush();

    const quotaIds = [...quotaTotals.keys()];
    // The CHECK on quota refuses any over-allocation, here as anywhere.
    await manager.query(
      `UPDATE quota q SET reserved = q.reserved + u.reserved, settled = q.settled + u.settled, version = q.version + 1, updated_at = now()
         FROM unnest($1::int[], $2::int[], $3::int[]) AS u(id, reserved, settled) WHERE q.id = u.id`,
      [
        quotaIds,
        quotaIds.map((id) => quotaTotals.get(id)!.reserved),
        quotaIds.map((id) => quotaTotals.get(id)!.settled),
      ],
    );
    await manager.query(
      `INSERT INTO application_number_counter (year, last_value) SELECT * FROM unnest($1::int[], $2::int[])
         ON CONFLICT (year) DO UPDATE SET last_value = GREATEST(application_number_counter.last_value, EXCLUDED.last_value)`,
      [[...reference.counters.keys()], [...reference.counters.values()]],
    );
    await audit.record(manager, CONTEXT, {
      action: DEMO_MARKER_ACTION,
      changes: created({ families: options.families, seed: options.seed, today: options.today, persons }),
    });
    return {
      families: options.families,
      persons,
      auditEvents: auditEvents + 1,
      seconds: (performance.now() - started) / 1000,
    };
  });
}
