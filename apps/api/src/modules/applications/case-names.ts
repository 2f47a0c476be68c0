import type { CaseNames } from '@qonys/domain';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Person } from '../persons/entities/person.entity';
import { Application } from './entities/application.entity';

/** What joinCaseNames maps onto each row (removed again by withCaseNames). */
interface JoinedCase {
  namedCase?: Pick<Application, 'number' | 'applicantId'> | null;
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
    applicantId: namedApplicant ? (namedCase?.applicantId ?? null) : null,
  };
}
