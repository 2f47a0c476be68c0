import { randomInt } from 'node:crypto';
import { nameSearchKey, transliterateKazakhToLatin } from '@qonys/domain';
import { withDb } from './api-helpers';

/**
 * Persons, cases, members and certificates written straight into the API's database,
 * for tests of what hangs off a case (documents, certificates) without walking the
 * whole intake procedure for each one.
 */

export interface PersonRecord {
  surname: string;
  givenName: string;
  patronymic?: string | null;
  birthDate?: string;
  sex?: 'M' | 'F';
  relation?: 'applicant' | 'spouse' | 'child' | 'parent' | 'sibling' | 'other';
}

export interface CaseRecord {
  regionId: number;
  status?: string;
  channel?: 'egov' | 'public_service_centre' | 'mission_abroad' | 'in_person';
  /** The applicant first; default one applicant. */
  family?: PersonRecord[];
  legalGroundCode?: string;
  decisionComment?: string;
  statusValidFrom?: string;
  statusValidTo?: string;
}

export interface InsertedCase {
  id: number;
  number: string;
  /** Person ids in the order of `family`. */
  personIds: number[];
}

const latin = (text: string | null | undefined) => (text ? transliterateKazakhToLatin(text) : null);

export async function insertCase(databaseUrl: string, record: CaseRecord): Promise<InsertedCase> {
  const family = record.family ?? [{ surname: 'Сейітов', givenName: 'Нұрлан', patronymic: 'Бекұлы' }];
  return withDb(databaseUrl, async (db) => {
    await db.query('BEGIN');
    const personIds: number[] = [];
    for (const p of family) {
      const names = [p.surname, p.givenName, p.patronymic].filter(Boolean).join(' ');
      const { rows } = await db.query<{ id: number }>(
        `INSERT INTO person (surname, given_name, patronymic, surname_latin, given_name_latin, patronymic_latin,
                             birth_date, sex, region_id, search_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          p.surname,
          p.givenName,
          p.patronymic ?? null,
          latin(p.surname),
          latin(p.givenName),
          latin(p.patronymic),
          p.birthDate ?? '1985-04-12',
          p.sex ?? 'M',
          record.regionId,
          nameSearchKey(names),
        ],
      );
      personIds.push(rows[0].id);
    }
    const number = `KND-2026-${String(randomInt(1_000_000)).padStart(6, '0')}`;
    const decided = ![
      'draft',
      'submitted',
      'commission_review',
      'under_review',
      'information_requested',
      'withdrawn',
    ].includes(record.status ?? 'draft');
    const { rows } = await db.query<{ id: number }>(
      `INSERT INTO application (number, status, channel, region_id, applicant_id, submitted_at, decided_at,
                                legal_ground_id, decision_comment, status_valid_from, status_valid_to)
       VALUES ($1, $2, $3, $4, $5, now(), $6, (SELECT id FROM legal_ground WHERE code = $7), $8, $9, $10) RETURNING id`,
      [
        number,
        record.status ?? 'draft',
        record.channel ?? 'egov',
        record.regionId,
        personIds[0],
        decided ? new Date() : null,
        record.legalGroundCode ?? null,
        record.decisionComment ?? null,
        record.statusValidFrom ?? null,
        record.statusValidTo ?? null,
      ],
    );
    const id = rows[0].id;
    const active = !['acceptance_refused', 'rejected', 'withdrawn', 'expired', 'revoked'].includes(
      record.status ?? 'draft',
    );
    for (const [index, personId] of personIds.entries()) {
      await db.query(
        `INSERT INTO application_member (application_id, person_id, relation, active) VALUES ($1, $2, $3, $4)`,
        [id, personId, index === 0 ? 'applicant' : (family[index].relation ?? 'child'), active],
      );
    }
    await db.query('COMMIT');
    return { id, number, personIds };
  });
}

export interface CertificateRecord {
  applicationId: number;
  number?: string;
  holderInitials?: string;
  issuedOn?: string;
  validFrom?: string;
  validTo?: string;
}

/** A certificate as the approval issues it; returns its number. */
export async function insertCertificate(databaseUrl: string, record: CertificateRecord): Promise<string> {
  const number =
    record.number ??
    `QK-2026-${randomInt(36 ** 8)
      .toString(36)
      .toUpperCase()
      .padStart(8, '0')}`;
  await withDb(databaseUrl, (db) =>
    db.query(
      `INSERT INTO certificate (number, application_id, holder_initials, issued_on, valid_from, valid_to) VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        number,
        record.applicationId,
        record.holderInitials ?? 'Н. С.',
        record.issuedOn ?? '2026-03-20',
        record.validFrom ?? '2026-03-20',
        record.validTo ?? '2099-03-19',
      ],
    ),
  );
  return number;
}

/** A status-granting case with its certificate, as the approval leaves it. */
export async function insertApprovedCase(
  databaseUrl: string,
  record: Omit<CaseRecord, 'status'> & { certificate?: Omit<CertificateRecord, 'applicationId'> },
): Promise<InsertedCase & { certificateNumber: string }> {
  const validFrom = record.certificate?.validFrom ?? '2026-03-20';
  const validTo = record.certificate?.validTo ?? '2099-03-19';
  const inserted = await insertCase(databaseUrl, {
    ...record,
    status: 'approved',
    statusValidFrom: validFrom,
    statusValidTo: validTo,
  });
  const certificateNumber = await insertCertificate(databaseUrl, {
    ...record.certificate,
    applicationId: inserted.id,
    validFrom,
    validTo,
  });
  return { ...inserted, certificateNumber };
}
