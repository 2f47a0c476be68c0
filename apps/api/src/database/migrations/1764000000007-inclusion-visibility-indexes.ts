import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A regional official reads every inclusion request a batch may place in their region
 * (modules/inclusion/inclusion-visibility.ts): the region's own, those naming it among
 * the preferences, those proposed or moved there. One index per branch, so the
 * planner can OR them as bitmaps instead of reading the whole table.
 */
export class InclusionVisibilityIndexes1764000000007 implements MigrationInterface {
  name = 'InclusionVisibilityIndexes1764000000007';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX inclusion_request_region_idx ON inclusion_request (region_id);
      CREATE INDEX inclusion_request_preferred_regions_idx ON inclusion_request USING gin (preferred_region_ids);
      CREATE INDEX placement_proposal_proposed_region_request_idx
        ON placement_proposal (proposed_region_id, inclusion_request_id);
      CREATE INDEX placement_proposal_override_region_request_idx
        ON placement_proposal (override_region_id, inclusion_request_id) WHERE override_region_id IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX placement_proposal_override_region_request_idx;
      DROP INDEX placement_proposal_proposed_region_request_idx;
      DROP INDEX inclusion_request_preferred_regions_idx;
      DROP INDEX inclusion_request_region_idx;
    `);
  }
}
