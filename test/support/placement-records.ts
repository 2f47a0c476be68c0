import { withDb } from './api-helpers';

/**
 * `families` approved one-person kandas families waiting for `year`'s kandas quota,
 * spread over every region, each region with a quota of `perRegion` places (a quota
 * already there is kept): enough
 * for a placement batch to take seconds to solve (a window to kill its server in).
 */
export async function insertWaitingFamilies(
  databaseUrl: string,
  year: number,
  families: number,
  perRegion: number,
): Promise<void> {
  await withDb(databaseUrl, async (db) => {
    await db.query('BEGIN');
    await db.query('UPDATE region SET settlement_years = settlement_years || $1::int', [year]);
    await db.query(
      `INSERT INTO quota (year, region_id, category, unit, capacity, legal_act)
       SELECT $1, id, 'kandas', 'persons', $2, 'Test act' FROM region
       ON CONFLICT DO NOTHING`,
      [year, perRegion],
    );
    await db.query(
      `DO $$
       DECLARE
         regions int[] := ARRAY(SELECT id FROM region ORDER BY id);
         n int := array_length(regions, 1);
         person_id int;
         application_id int;
         home int;
       BEGIN
         FOR g IN 1..${Number(families)} LOOP
           home := regions[1 + g % n];
           INSERT INTO person (surname, given_name, surname_latin, given_name_latin, birth_date, sex, region_id, search_key, languages)
           VALUES ('Орынов', 'P' || g, 'Orynov', 'P' || g, '1985-01-01', 'M', home, 'orynov p' || g, ARRAY['kk'])
           RETURNING id INTO person_id;
           INSERT INTO application (number, status, channel, region_id, applicant_id, submitted_at, decided_at, status_valid_from, status_valid_to)
           VALUES ('KND-${Number(year)}-' || lpad(g::text, 6, '0'), 'approved', 'egov', home, person_id, now(), now(), '${Number(year)}-01-10', '2099-01-09')
           RETURNING id INTO application_id;
           INSERT INTO application_member (application_id, person_id, relation, active) VALUES (application_id, person_id, 'applicant', true);
           INSERT INTO inclusion_request (application_id, year, category, preferred_region_ids, consent, persons, region_id, created_at)
           VALUES (application_id, ${Number(year)}, 'kandas', ARRAY[home, regions[1 + (g + 1) % n], regions[1 + (g + 5) % n]], true, 1, home,
                   now() + make_interval(secs => g));
         END LOOP;
       END $$`,
    );
    await db.query('COMMIT');
  });
}
