import { type Housing, type SettlementFields, type SettlementStatus } from '@qonys/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VirtualColumn } from 'typeorm';

/**
 * Where an included family settles. The region is the reservation's and never
 * edited: moving a family cancels this row and starts a new one on a new reservation.
 */
@Entity('settlement')
export class Settlement implements SettlementFields {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  reservationId: number;

  @Column({ type: 'int' })
  applicationId: number;

  @Column({ type: 'int' })
  regionId: number;

  @Column({ type: 'varchar', nullable: true })
  district: string | null;

  @Column({ type: 'varchar', nullable: true })
  locality: string | null;

  @Column({ type: 'varchar', nullable: true })
  housing: Housing | null;

  @Column({ type: 'date', nullable: true })
  plannedArrival: string | null;

  @Column({ type: 'date', nullable: true })
  actualArrival: string | null;

  @Column({ type: 'varchar', default: 'planned' })
  status: SettlementStatus;

  @Column({ type: 'int', nullable: true })
  confirmedBy: number | null;

  /** When the family left its settlement region, and for which region if known. */
  @Column({ type: 'date', nullable: true })
  departedOn: string | null;

  @Column({ type: 'int', nullable: true })
  departedToRegionId: number | null;

  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  /** The quota year of the reservation. */
  @VirtualColumn({
    type: 'int',
    query: (alias) =>
      `SELECT sq.year FROM reservation sr JOIN quota sq ON sq.id = sr.quota_id WHERE sr.id = ${alias}.reservation_id`,
  })
  year: number;

  /** Persons of the family, as reserved. */
  @VirtualColumn({
    type: 'int',
    query: (alias) => `SELECT pr.persons FROM reservation pr WHERE pr.id = ${alias}.reservation_id`,
  })
  persons: number;

  /** The region of the case (its caseworkers follow the settlement). */
  @VirtualColumn({
    type: 'int',
    query: (alias) => `SELECT ca.region_id FROM application ca WHERE ca.id = ${alias}.application_id`,
  })
  caseRegionId: number;
}
