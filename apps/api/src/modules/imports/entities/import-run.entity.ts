import type { ImportFileFormat, ImportKind, ImportMode, ImportState, MessageParams } from '@qonys/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One error of a run: the file's row (the header is row 1), its column, a catalogue code. */
export interface StoredRowError {
  row: number;
  field: string;
  code: string;
  params: MessageParams;
}

/** A bulk import (docs/imports.md); the work runs as a job (`jobRunId`, the latest attempt). */
@Entity('import_run')
export class ImportRun {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar' })
  kind: ImportKind;

  @Column({ type: 'varchar' })
  mode: ImportMode;

  @Column({ type: 'varchar', default: 'queued' })
  state: ImportState;

  @Column({ type: 'varchar' })
  fileName: string;

  @Column({ type: 'varchar' })
  format: ImportFileFormat;

  @Column({ type: 'int' })
  fileSize: number;

  @Column({ type: 'varchar', select: false })
  storageKey: string;

  /** The creator's region under a regional grant; null when they import for every region. */
  @Column({ type: 'int', nullable: true })
  regionId: number | null;

  /** The region of rows without a region code (a nationwide user's choice). */
  @Column({ type: 'int', nullable: true })
  defaultRegionId: number | null;

  @Column({ type: 'int', default: 0 })
  rowsRead: number;

  @Column({ type: 'int', default: 0 })
  rowsValid: number;

  @Column({ type: 'int', default: 0 })
  rowsWritten: number;

  @Column({ type: 'int', nullable: true })
  inserted: number | null;

  @Column({ type: 'int', nullable: true })
  updated: number | null;

  @Column({ type: 'int', nullable: true })
  unchanged: number | null;

  @Column({ type: 'int', default: 0 })
  errorCount: number;

  /** Read only for one run (the report), never for a list. */
  @Column({ type: 'jsonb', default: [], select: false })
  errors: StoredRowError[];

  @Column({ type: 'varchar', nullable: true })
  errorCode: string | null;

  @Column({ type: 'jsonb', nullable: true })
  errorParams: MessageParams | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'uuid', nullable: true })
  jobRunId: string | null;

  @Column({ type: 'int' })
  createdBy: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
