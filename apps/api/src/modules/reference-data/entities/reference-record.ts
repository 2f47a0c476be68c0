import { Column, CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Columns every reference-data row carries: where it comes from and when it applies. */
export abstract class ReferenceRecord {
  @PrimaryGeneratedColumn()
  id: number;

  /** The legal act, publication or other source of the value. */
  @Column({ type: 'varchar' })
  source: string;

  @Column({ type: 'date', nullable: true })
  validFrom: string | null;

  @Column({ type: 'date', nullable: true })
  validTo: string | null;

  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
