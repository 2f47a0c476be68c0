import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Person } from '../persons/entities/person.entity';
import { Application } from './entities/application.entity';

/**
 * The case a row of settlement work belongs to, as a reader knows it: its number and
 * the applicant's (the family's) name — beside inclusion requests, settlements and
 * placement proposals, so their lists need not show a bare case id.
 */
export interface CaseNames {
  applicationNumber: string | null;
  applicantName: string | null;
}

/** What joinCaseNames maps onto each row (removed again by withCaseNames). */
interface JoinedCase {
  namedCase?: Pick<Application, 'number'> | null;
  namedApplicant?: Pick<Person, 'surname' | 'givenName'> | null;
}

/** Joins the case and its applicant to a query by the SQL expression of the row's case id: one query per page. */
export function joinCaseNames<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  applicationIdSql: string,
): SelectQueryBuilder<T> {
  return qb
    .leftJoinAndMapOne(`${qb.alias}.namedCase`, Application, 'named_case', `named_case.id = ${applicationIdSql}`)
    .leftJoinAndMapOne(
      `${qb.alias}.namedApplicant`,
      Person,
      'named_applicant',
      'named_applicant.id = named_case.applicant_id',
    );
}

/** The row without the joined entities, with the case number and applicant name. */
export function withCaseNames<T extends object>(row: T): Omit<T, keyof JoinedCase> & CaseNames {
  const { namedCase, namedApplicant, ...rest } = row as T & JoinedCase;
  return {
    ...(rest as Omit<T, keyof JoinedCase>),
    applicationNumber: namedCase?.number ?? null,
    applicantName: namedApplicant ? `${namedApplicant.surname} ${namedApplicant.givenName}` : null,
  };
}
