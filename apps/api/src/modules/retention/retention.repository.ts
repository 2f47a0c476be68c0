import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type RetentionRecordKind, TERMINAL_STATUSES } from '@qonys/domain';
import type { DataSource } from 'typeorm';
import { RetentionRule } from '../reference-data/entities/retention-rule.entity';

/** A person whose every case closed longer ago than the rule keeps them. */
export interface DuePerson {
  personId: number;
  regionId: number;
  /** When the last of their cases closed. */
  closedAt: string;
  applicationIds: number[];
}

@Injectable()
export class RetentionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The rule of a kind valid on a day; the latest start wins if an admin left two overlapping. */
  currentRule(kind: RetentionRecordKind, day: string): Promise<RetentionRule | null> {
    return this.dataSource
      .getRepository(RetentionRule)
      .createQueryBuilder('rr')
      .where('rr.record_kind = :kind', { kind })
      .andWhere('(rr.valid_from IS NULL OR rr.valid_from <= :day) AND (rr.valid_to IS NULL OR rr.valid_to >= :day)', {
        day,
      })
      .orderBy('rr.valid_from', 'DESC', 'NULLS LAST')
      .addOrderBy('rr.id', 'DESC')
      .getOne();
  }

  /**
   * Persons not erased whose cases are all closed, the last closed before `closedBefore`.
   * A case closed when it entered its terminal status (its last timeline transition).
   */
  async duePersons(closedBefore: Date): Promise<DuePerson[]> {
    return this.dataSource.query<DuePerson[]>(
      `SELECT p.id AS "personId", p.region_id AS "regionId", max(c.closed_at) AS "closedAt",
              array_agg(a.id ORDER BY a.id) AS "applicationIds"
       FROM person p
       JOIN application_member m ON m.person_id = p.id
       JOIN application a ON a.id = m.application_id
       CROSS JOIN LATERAL (
         SELECT coalesce(max(ev.occurred_at), a.updated_at) AS closed_at FROM application_event ev
         WHERE ev.application_id = a.id AND ev.to_status = a.status) c
       WHERE p.erased_at IS NULL
       GROUP BY p.id
       HAVING bool_and(a.status = ANY($1::text[])) AND max(c.closed_at) < $2
       ORDER BY p.id`,
      [TERMINAL_STATUSES, closedBefore.toISOString()],
    );
  }
}
