import {
  type AdaptationService,
  type InclusionRequestFields,
  type InclusionStatus,
  type QuotaCategory,
} from '@qonys/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VirtualColumn } from 'typeorm';

/** An approved family's request to be included in a region's quota; the region's commission decides. */
@Entity('inclusion_request')
export class InclusionRequest implements InclusionRequestFields<Date> {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  applicationId: number;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'varchar', default: 'kandas' })
  category: QuotaCategory;

  @Column({ type: 'varchar', default: 'submitted' })
  status: InclusionStatus;

  /** Ranked: the most wanted region first. */
  @Column({ type: 'int', array: true, default: () => `'{}'` })
  preferredRegionIds: number[];

  @Column({ type: 'boolean' })
  consent: boolean;

  @Column({ type: 'int', array: true, default: () => `'{}'` })
  relativesRegionIds: number[];

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  adaptationServices: AdaptationService[];

  @Column({ type: 'text', nullable: true })
  adaptationNotes: string | null;

  /** The family's active members when filed, then when decided. */
  @Column({ type: 'int' })
  persons: number;

  /** The region whose commission decides (the first preference unless moved). */
  @Column({ type: 'int' })
  regionId: number;

  @Column({ type: 'date', nullable: true })
  deadlineDue: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  decidedBy: number | null;

  @Column({ type: 'text', nullable: true })
  refusalReason: string | null;

  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ type: 'int', nullable: true })
  createdBy: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  /** The region of the case (its caseworkers follow the request). */
  @VirtualColumn({
    type: 'int',
    query: (alias) =>
      `SELECT case_region.region_id FROM application case_region WHERE case_region.id = ${alias}.application_id`,
  })
  caseRegionId: number;
}
