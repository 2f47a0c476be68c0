import { type ReservationStatus } from '@qonys/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A whole family's places in one quota; at most one live (reserved or settled) per case. */
@Entity('reservation')
export class Reservation {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  quotaId: number;

  @Column({ type: 'int', nullable: true })
  inclusionRequestId: number | null;

  @Column({ type: 'int' })
  applicationId: number;

  @Column({ type: 'int' })
  persons: number;

  @Column({ type: 'varchar', default: 'reserved' })
  status: ReservationStatus;

  @Column({ type: 'varchar', nullable: true })
  releaseReason: string | null;

  @Column({ type: 'int', nullable: true })
  createdBy: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  releasedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  settledAt: Date | null;
}
