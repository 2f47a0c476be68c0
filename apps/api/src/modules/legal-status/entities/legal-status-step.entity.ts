import type { LegalStepKind, LegalStepState } from '@qonys/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A member's application for permanent residence or citizenship, and its decision (docs/legal-status.md). */
@Entity('legal_status_step')
export class LegalStatusStep {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  applicationId: number;

  @Column({ type: 'int' })
  personId: number;

  @Column({ type: 'varchar' })
  kind: LegalStepKind;

  @Column({ type: 'varchar', default: 'applied' })
  state: LegalStepState;

  @Column({ type: 'date' })
  appliedOn: string;

  /** The migration service (police) unit that took the application. */
  @Column({ type: 'varchar' })
  authority: string;

  @Column({ type: 'date', nullable: true })
  decidedOn: string | null;

  /** The number of the decision or of the document issued. */
  @Column({ type: 'varchar', nullable: true })
  reference: string | null;

  @Column({ type: 'int', nullable: true })
  createdBy: number | null;

  @Column({ type: 'int', nullable: true })
  decidedBy: number | null;

  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
