import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Housing and adaptation-centre places a region offers kandas in a year, and its languages. */
@Entity('region_capacity')
export class RegionCapacity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'int' })
  regionId: number;

  @Column({ type: 'int', default: 0 })
  housingUnits: number;

  @Column({ type: 'int', default: 0 })
  adaptationCentrePlaces: number;

  /** ISO 639-1 codes in daily use. */
  @Column({ type: 'text', array: true, default: () => "'{kk,ru}'" })
  languages: string[];

  @Column({ type: 'varchar' })
  source: string;

  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
