import type { PlacementProposalFields, PlacementReason } from '@qonys/domain';
import { Column, Entity, PrimaryGeneratedColumn, VirtualColumn } from 'typeorm';

const numeric = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** One family's place in a batch: the solver's region (null: no room), an override with its reason, acceptance. */
@Entity('placement_proposal')
export class PlacementProposal implements PlacementProposalFields<Date> {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  batchId: number;

  @Column({ type: 'int' })
  inclusionRequestId: number;

  @Column({ type: 'int', nullable: true })
  proposedRegionId: number | null;

  @Column({ type: 'numeric', nullable: true, transformer: numeric })
  score: number | null;

  @Column({ type: 'jsonb', nullable: true })
  reasons: PlacementReason[] | null;

  @Column({ type: 'int', nullable: true })
  overrideRegionId: number | null;

  @Column({ type: 'text', nullable: true })
  overrideReason: string | null;

  @Column({ type: 'int', nullable: true })
  overriddenBy: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  reservationId: number | null;

  /** The override when there is one, else the proposal. */
  @VirtualColumn({
    type: 'int',
    query: (alias) => `SELECT COALESCE(${alias}.override_region_id, ${alias}.proposed_region_id)`,
  })
  finalRegionId: number | null;

  @VirtualColumn({
    type: 'int',
    query: (alias) => `SELECT ir.application_id FROM inclusion_request ir WHERE ir.id = ${alias}.inclusion_request_id`,
  })
  applicationId: number;

  /** The family's active members (what a reservation takes). */
  @VirtualColumn({
    type: 'int',
    query: (alias) =>
      `SELECT count(*)::int FROM inclusion_request ir JOIN application_member m ON m.application_id = ir.application_id AND m.active WHERE ir.id = ${alias}.inclusion_request_id`,
  })
  persons: number;
}
