import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ApplicationStatus, BenefitKind } from '@qonys/domain';
import type { DataSource } from 'typeorm';
import { BenefitRule } from '../reference-data/entities/benefit-rule.entity';

/** What eligibility needs to know of a case (docs/support-payments.md, Eligibility). */
export interface CaseForSupport {
  id: number;
  regionId: number;
  status: ApplicationStatus;
  statusValidFrom: string | null;
  statusValidTo: string | null;
  /** Active members, the applicant included. */
  persons: number;
}

@Injectable()
export class SupportPaymentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async caseForSupport(applicationId: number, scope: number | null): Promise<CaseForSupport | null> {
    const [row] = await this.dataSource.query<CaseForSupport[]>(
      `SELECT a.id, a.region_id AS "regionId", a.status,
              to_char(a.status_valid_from, 'YYYY-MM-DD') AS "statusValidFrom",
              to_char(a.status_valid_to, 'YYYY-MM-DD') AS "statusValidTo",
              (SELECT count(*)::int FROM application_member m WHERE m.application_id = a.id AND m.active) AS persons
         FROM application a
        WHERE a.id = $1 AND ($2::int IS NULL OR a.region_id = $2::int)`,
      [applicationId, scope],
    );
    return row ?? null;
  }

  /**
   * Whether the family arrived, inside the quota of `year`, in a region that was a
   * settlement region of that year.
   */
  async settledInSettlementRegion(applicationId: number, year: number): Promise<boolean> {
    const [row] = await this.dataSource.query<{ settled: boolean }[]>(
      `SELECT EXISTS (
         SELECT 1 FROM settlement s
           JOIN reservation r ON r.id = s.reservation_id
           JOIN quota q ON q.id = r.quota_id
           JOIN region g ON g.id = s.region_id
          WHERE s.application_id = $1 AND s.status = 'arrived' AND r.status = 'settled'
            AND q.year = $2 AND $2 = ANY (g.settlement_years)
       ) AS settled`,
      [applicationId, year],
    );
    return row.settled;
  }

  /** The rule of `kind` in force on `date`: the latest to start on or before it. */
  ruleInForce(kind: BenefitKind, date: string): Promise<BenefitRule | null> {
    return this.dataSource
      .getRepository(BenefitRule)
      .createQueryBuilder('br')
      .where('br.kind = :kind', { kind })
      .andWhere('(br.valid_from IS NULL OR br.valid_from <= :date) AND (br.valid_to IS NULL OR br.valid_to >= :date)', {
        date,
      })
      .orderBy('br.valid_from', 'DESC', 'NULLS LAST')
      .addOrderBy('br.id', 'DESC')
      .getOne();
  }

  /** The MCI of a year in tenge (one row per year, set by the budget law). */
  async mciOfYear(year: number): Promise<number | null> {
    const [row] = await this.dataSource.query<{ amount: number }[]>('SELECT amount FROM mci_rate WHERE year = $1', [
      year,
    ]);
    return row?.amount ?? null;
  }
}
