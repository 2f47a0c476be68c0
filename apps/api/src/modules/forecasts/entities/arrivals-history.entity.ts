import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A published arrivals figure: a month or a whole year (month null), a region or the nation (region null). */
@Entity('arrivals_history')
export class ArrivalsHistory {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'int', nullable: true })
  month: number | null;

  @Column({ type: 'int', nullable: true })
  regionId: number | null;

  @Column({ type: 'int' })
  persons: number;

  @Column({ type: 'varchar' })
  source: string;

  @Column({ type: 'boolean', default: true })
  confirmed: boolean;

  @Column({ type: 'varchar', nullable: true })
  note: string | null;

  @Column({ type: 'int', nullable: true })
  importedBy: number | null;

  @Column({ type: 'timestamptz' })
  importedAt: Date;

  @Column({ type: 'int', default: 1 })
  version: number;
}
