import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Texts the system wrote in English become catalogue codes (docs/messages.md), rendered
 * in the reader's language: the quota ledger gets `reason_code` beside the typed
 * `reason`, and timeline lines the system wrote move from `comment` to `data.message`.
 * The ledger is append-only; its guard is lifted for this one conversion only.
 */
export class MessagesAsCodes1764000000006 implements MigrationInterface {
  name = 'MessagesAsCodes1764000000006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE quota_ledger_entry ADD COLUMN reason_code jsonb;
      ALTER TABLE quota_ledger_entry DISABLE TRIGGER quota_ledger_no_update_delete;
      UPDATE quota_ledger_entry SET reason = NULL,
             reason_code = '{"code": "ledger.initial_quota", "params": {}}'
       WHERE kind = 'capacity_set' AND reason = 'Initial quota';
      UPDATE quota_ledger_entry SET reason = NULL,
             reason_code = jsonb_build_object('code', 'ledger.withdrawn', 'params',
               jsonb_build_object('reason', substr(reason, length('Withdrawn: ') + 1)))
       WHERE kind = 'release' AND reason LIKE 'Withdrawn: %';
      UPDATE quota_ledger_entry SET reason = NULL,
             reason_code = jsonb_build_object('code', 'ledger.case_closed', 'params',
               jsonb_build_object('status', substr(reason, length('Case ') + 1)))
       WHERE kind = 'release' AND reason ~ '^Case (acceptance_refused|rejected|withdrawn|expired|revoked)$';
      ALTER TABLE quota_ledger_entry ENABLE TRIGGER quota_ledger_no_update_delete;

      UPDATE application_event SET comment = NULL,
             data = coalesce(data, '{}'::jsonb) || jsonb_build_object('message', jsonb_build_object(
               'code', 'timeline.arrival_confirmed', 'params',
               jsonb_build_object('date', substring(comment from '\\((\\d{4}-\\d{2}-\\d{2})\\)$'))))
       WHERE transition = 'settlement.arrival' AND comment ~ '^Arrival in the settlement region confirmed \\(\\d{4}-\\d{2}-\\d{2}\\)$';
      UPDATE application_event SET comment = NULL,
             data = coalesce(data, '{}'::jsonb) || jsonb_build_object('message', jsonb_build_object(
               'code', 'timeline.inclusion_requested', 'params', jsonb_build_object(
                 'year', (regexp_match(comment, '^Inclusion in the (\\d+) (\\w+) quota requested for (\\d+) persons$'))[1]::int,
                 'category', (regexp_match(comment, '^Inclusion in the (\\d+) (\\w+) quota requested for (\\d+) persons$'))[2],
                 'persons', (regexp_match(comment, '^Inclusion in the (\\d+) (\\w+) quota requested for (\\d+) persons$'))[3]::int)))
       WHERE transition = 'inclusion.request' AND comment ~ '^Inclusion in the \\d+ \\w+ quota requested for \\d+ persons$';
      UPDATE application_event SET comment = NULL,
             data = coalesce(data, '{}'::jsonb) || jsonb_build_object('message', jsonb_build_object(
               'code', 'timeline.included', 'params', jsonb_build_object(
                 'year', m[1]::int, 'category', m[2], 'batch', m[3]::int, 'persons', m[4]::int)))
        FROM (SELECT id AS event_id,
                     regexp_match(comment, '^Included in the (\\d+) (\\w+) quota by placement batch (\\d+): (\\d+) persons reserved$') AS m
                FROM application_event WHERE transition = 'inclusion.include') parsed
       WHERE application_event.id = parsed.event_id AND parsed.m IS NOT NULL;
      UPDATE application_event SET comment = NULL,
             data = coalesce(data, '{}'::jsonb) || jsonb_build_object('message', jsonb_build_object(
               'code', 'ledger.case_closed', 'params', jsonb_build_object('status', substr(comment, length('Case ') + 1))))
       WHERE transition = 'inclusion.withdraw' AND comment ~ '^Case (acceptance_refused|rejected|withdrawn|expired|revoked)$';
      -- The merge line is rendered from data.mergedPersonId / data.intoPersonId already.
      UPDATE application_event SET comment = NULL
       WHERE type = 'member' AND data ? 'mergedPersonId'
         AND comment ~ '^Person \\d+ was merged into person \\d+ \\(the same person registered twice\\)$';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    // The English texts are not rebuilt: the codes render them in English as well.
    await q.query(`ALTER TABLE quota_ledger_entry DROP COLUMN reason_code`);
  }
}
