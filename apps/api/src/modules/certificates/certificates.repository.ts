import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type ApplicationStatus, isTerminal, type Relation, todayInKazakhstan } from '@qonys/domain';
import type { DataSource } from 'typeorm';

/** A person as a certificate or a decision letter prints them. */
export interface PersonOnPaper {
  id: number;
  /** Whose staff may read (and so print) the person. */
  regionId: number;
  surname: string;
  givenName: string;
  patronymic: string | null;
  surnameLatin: string;
  givenNameLatin: string;
  patronymicLatin: string | null;
  birthDate: string;
}

export interface NamesInLanguages {
  nameKk: string;
  nameRu: string;
  nameEn: string;
}

/** Everything the certificate and the decision letter of a case print. */
export interface CasePaper {
  application: {
    id: number;
    number: string | null;
    status: ApplicationStatus;
    regionId: number;
    submittedOn: string | null;
    decidedOn: string | null;
    statusValidFrom: string | null;
    statusValidTo: string | null;
    decisionComment: string | null;
  };
  region: NamesInLanguages & { code: string };
  applicant: PersonOnPaper;
  /** The other members the case covers, in the order they were added. */
  members: (PersonOnPaper & { relation: Relation })[];
  certificate: {
    id: number;
    number: string;
    issuedOn: string;
    validFrom: string;
    validTo: string;
    revokedAt: Date | null;
  } | null;
  legalGround: (NamesInLanguages & { code: string }) | null;
}

export interface CertificateCheck {
  number: string;
  holderInitials: string;
  validFrom: string;
  validTo: string;
  issuedOn: string;
  revokedAt: Date | null;
  caseStatus: ApplicationStatus;
}

const PERSON_COLUMNS = `p.id, p.region_id, p.surname, p.given_name, p.patronymic, p.surname_latin, p.given_name_latin, p.patronymic_latin, p.birth_date::text AS birth_date`;

interface PersonRow {
  id: number;
  region_id: number;
  surname: string;
  given_name: string;
  patronymic: string | null;
  surname_latin: string;
  given_name_latin: string;
  patronymic_latin: string | null;
  birth_date: string;
}

const toPerson = (r: PersonRow): PersonOnPaper => ({
  id: r.id,
  regionId: r.region_id,
  surname: r.surname,
  givenName: r.given_name,
  patronymic: r.patronymic,
  surnameLatin: r.surname_latin,
  givenNameLatin: r.given_name_latin,
  patronymicLatin: r.patronymic_latin,
  birthDate: r.birth_date,
});

@Injectable()
export class CertificatesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One indexed lookup by number, whether or not it exists. */
  async findForCheck(number: string): Promise<CertificateCheck | null> {
    const [row] = await this.dataSource.query<
      {
        number: string;
        holder_initials: string;
        valid_from: string;
        valid_to: string;
        issued_on: string;
        revoked_at: Date | null;
        status: ApplicationStatus;
      }[]
    >(
      `SELECT c.number, c.holder_initials, c.valid_from::text AS valid_from, c.valid_to::text AS valid_to,
              c.issued_on::text AS issued_on, c.revoked_at, a.status
         FROM certificate c JOIN application a ON a.id = c.application_id
        WHERE c.number = $1`,
      [number],
    );
    if (!row) return null;
    return {
      number: row.number,
      holderInitials: row.holder_initials,
      validFrom: row.valid_from,
      validTo: row.valid_to,
      issuedOn: row.issued_on,
      revokedAt: row.revoked_at,
      caseStatus: row.status,
    };
  }

  async findCasePaper(applicationId: number): Promise<CasePaper | null> {
    const [row] = await this.dataSource.query<
      {
        id: number;
        number: string | null;
        status: ApplicationStatus;
        region_id: number;
        applicant_id: number;
        submitted_at: Date | null;
        decided_at: Date | null;
        status_valid_from: string | null;
        status_valid_to: string | null;
        decision_comment: string | null;
        region_code: string;
        region_kk: string;
        region_ru: string;
        region_en: string;
        ground_code: string | null;
        ground_kk: string | null;
        ground_ru: string | null;
        ground_en: string | null;
        certificate_id: number | null;
        certificate_number: string | null;
        issued_on: string | null;
        valid_from: string | null;
        valid_to: string | null;
        revoked_at: Date | null;
      }[]
    >(
      `SELECT a.id, a.number, a.status, a.region_id, a.applicant_id,
              a.submitted_at, a.decided_at,
              a.status_valid_from::text AS status_valid_from, a.status_valid_to::text AS status_valid_to, a.decision_comment,
              r.code AS region_code, r.name_kk AS region_kk, r.name_ru AS region_ru, r.name_en AS region_en,
              g.code AS ground_code, g.name_kk AS ground_kk, g.name_ru AS ground_ru, g.name_en AS ground_en,
              c.id AS certificate_id, c.number AS certificate_number, c.issued_on::text AS issued_on,
              c.valid_from::text AS valid_from, c.valid_to::text AS valid_to, c.revoked_at
         FROM application a
         JOIN region r ON r.id = a.region_id
         LEFT JOIN legal_ground g ON g.id = a.legal_ground_id
         LEFT JOIN certificate c ON c.application_id = a.id
        WHERE a.id = $1`,
      [applicationId],
    );
    if (!row) return null;
    const [applicant] = await this.dataSource.query<PersonRow[]>(
      `SELECT ${PERSON_COLUMNS} FROM person p WHERE p.id = $1`,
      [row.applicant_id],
    );
    // A closed case has released its members (active = false); it still covered them.
    const members = await this.dataSource.query<(PersonRow & { relation: Relation })[]>(
      `SELECT ${PERSON_COLUMNS}, m.relation
         FROM application_member m JOIN person p ON p.id = m.person_id
        WHERE m.application_id = $1 AND m.person_id <> $2 AND (m.active OR $3::boolean)
        ORDER BY m.id`,
      [applicationId, row.applicant_id, isTerminal(row.status)],
    );
    return {
      application: {
        id: row.id,
        number: row.number,
        status: row.status,
        regionId: row.region_id,
        submittedOn: row.submitted_at && todayInKazakhstan(row.submitted_at),
        decidedOn: row.decided_at && todayInKazakhstan(row.decided_at),
        statusValidFrom: row.status_valid_from,
        statusValidTo: row.status_valid_to,
        decisionComment: row.decision_comment,
      },
      region: { code: row.region_code, nameKk: row.region_kk, nameRu: row.region_ru, nameEn: row.region_en },
      applicant: toPerson(applicant),
      members: members.map((m) => ({ ...toPerson(m), relation: m.relation })),
      certificate:
        row.certificate_id === null
          ? null
          : {
              id: row.certificate_id,
              number: row.certificate_number!,
              issuedOn: row.issued_on!,
              validFrom: row.valid_from!,
              validTo: row.valid_to!,
              revokedAt: row.revoked_at,
            },
      legalGround:
        row.ground_code === null
          ? null
          : { code: row.ground_code, nameKk: row.ground_kk!, nameRu: row.ground_ru!, nameEn: row.ground_en! },
    };
  }
}
