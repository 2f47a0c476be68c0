import { type BatchStatus, type PlacementReport, type QuotaCategory } from '@qonys/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

const numeric = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** What the run stores next to the optimal total: the first-come-first-served comparison and solver figures. */
export interface BatchReport {
  optimal: PlacementReport;
  firstComeFirstServed: PlacementReport;
  solver: {
    strategy: string;
    provenOptimal: boolean;
    fractionalFamilies: number;
    lpMs: number;
    repairMs: number;
    regions: number;
  };
}

/** A placement run over every family awaiting inclusion in a year's quota. */
@Entity('placement_batch')
export class PlacementBatch {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'varchar', default: 'kandas' })
  category: QuotaCategory;

  @Column({ type: 'varchar', default: 'running' })
  status: BatchStatus;

  /** 0–100: loading 10, LP 50, repair 80, report 100. */
  @Column({ type: 'int', default: 0 })
  progress: number;

  @Column({ type: 'int', nullable: true })
  families: number | null;

  @Column({ type: 'numeric', nullable: true, transformer: numeric })
  totalScore: number | null;

  @Column({ type: 'numeric', nullable: true, transformer: numeric })
  lpBound: number | null;

  /** (lpBound − totalScore) / lpBound. */
  @Column({ type: 'numeric', nullable: true, transformer: numeric })
  gap: number | null;

  @Column({ type: 'int', nullable: true })
  solveMs: number | null;

  @Column({ type: 'jsonb', nullable: true })
  fcfsReport: BatchReport | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'int', nullable: true })
  createdBy: number | null;

  /** The job run (job_run) that computes the proposals; its progress and error say how far it got. */
  @Column({ type: 'uuid', nullable: true })
  runId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'int', default: 1 })
  version: number;
}
