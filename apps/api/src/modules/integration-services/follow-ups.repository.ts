import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FOLLOW_UP_KEYS, FOLLOW_UP_STATES } from '@qonys/domain';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { dateFrom, dateTo, ids, integerEquals, oneOf } from '../../common/list/filters';
import { fetchPage, ListResult, type ListSpec, type ParsedListQuery } from '../../common/list/list-query';
import { joinCaseNames, withCaseNames } from '../applications/case-names';
import { OutcomeFollowUp } from './entities/outcome-follow-up.entity';

export const FOLLOW_UP_LIST: ListSpec<OutcomeFollowUp> = {
  resource: 'follow-ups',
  sortable: { id: 'f.id', dueDate: 'f.due_date', round: 'f.round', state: 'f.state' },
  defaultSort: ['dueDate', 'ASC'],
  filters: {
    id: ids('f.id'),
    state: oneOf('f.state', FOLLOW_UP_STATES),
    applicationId: integerEquals('f.application_id', 1),
    round: integerEquals('f.round', 1, 3),
    dueFrom: dateFrom('f.due_date'),
    dueTo: dateTo('f.due_date'),
  },
};

export type FollowUpView = ReturnType<typeof withCaseNames<OutcomeFollowUp>>;

@Injectable()
export class FollowUpsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async listPage(query: ParsedListQuery, scope: number | null): Promise<ListResult<FollowUpView>> {
    const page = await fetchPage(this.visible(this.dataSource.manager, scope), query, FOLLOW_UP_LIST);
    return new ListResult(page.resource, page.items.map(withCaseNames), page.start, page.total);
  }

  async findVisible(manager: EntityManager, id: number, scope: number | null): Promise<FollowUpView | null> {
    const row = await this.visible(manager, scope).andWhere('f.id = :id', { id }).getOne();
    return row ? withCaseNames(row) : null;
  }

  /**
   * Creates, in one statement, the follow-ups arrived families have reached by `today`:
   * round n is due `months[n-1]` months after the arrival. One per settlement and round,
   * so a second run (or two at once) adds nothing twice. Returns the new ones' cases.
   */
  async createDue(
    manager: EntityManager,
    today: string,
    months: [number, number, number],
  ): Promise<{ id: number; application_id: number; round: number }[]> {
    return manager.query(
      `INSERT INTO outcome_follow_up (settlement_id, application_id, region_id, round, due_date)
       SELECT s.id, s.application_id, s.region_id, r.round, (s.actual_arrival + make_interval(months => r.months))::date
         FROM settlement s
         CROSS JOIN unnest($2::int[]) WITH ORDINALITY AS r(months, round)
        WHERE s.status = 'arrived' AND s.actual_arrival IS NOT NULL
          AND (s.actual_arrival + make_interval(months => r.months))::date <= $1::date
       ON CONFLICT ON CONSTRAINT outcome_follow_up_round_uq DO NOTHING
       RETURNING id, application_id, round`,
      [today, months],
    );
  }

  /** The months of the three follow-ups in force on `day` (dated settings), or null when one is missing. */
  async monthsInForce(day: string): Promise<[number, number, number] | null> {
    const rows = await this.dataSource.query<{ key: string; amount: number }[]>(
      `SELECT DISTINCT ON (key) key, amount FROM deadline_setting
        WHERE key = ANY($1) AND unit = 'months'
          AND (valid_from IS NULL OR valid_from <= $2::date) AND (valid_to IS NULL OR valid_to >= $2::date)
        ORDER BY key, valid_from DESC NULLS LAST`,
      [[...FOLLOW_UP_KEYS], day],
    );
    const months = FOLLOW_UP_KEYS.map((key) => rows.find((row) => row.key === key)?.amount);
    return months.every((m) => m !== undefined) ? (months as [number, number, number]) : null;
  }

  /** Open follow-ups whose day has come, for the run's total. */
  async countDue(today: string, months: [number, number, number]): Promise<number> {
    const [row] = await this.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n
         FROM settlement s CROSS JOIN unnest($2::int[]) WITH ORDINALITY AS r(months, round)
        WHERE s.status = 'arrived' AND s.actual_arrival IS NOT NULL
          AND (s.actual_arrival + make_interval(months => r.months))::date <= $1::date
          AND NOT EXISTS (SELECT 1 FROM outcome_follow_up f WHERE f.settlement_id = s.id AND f.round = r.round)`,
      [today, months],
    );
    return row.n;
  }

  private visible(manager: EntityManager, scope: number | null): SelectQueryBuilder<OutcomeFollowUp> {
    const qb = joinCaseNames(manager.getRepository(OutcomeFollowUp).createQueryBuilder('f'), 'f.application_id');
    return scope === null ? qb : qb.andWhere('f.region_id = :scopeRegion', { scopeRegion: scope });
  }
}
