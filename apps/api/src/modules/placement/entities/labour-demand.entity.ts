import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Vacancies for one occupation in one region and year (Enbek / career-centre figures). */
@Entity('labour_demand')
export class LabourDemand {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'int' })
  regionId: number;

  @Column({ type: 'varchar' })
  occupation: string;

  /** occupationKey(occupation): what a person's profession is matched on. */
  @Column({ type: 'varchar' })
  occupationKey: string;

  @Column({ type: 'int' })
  vacancies: number;

  @Column({ type: 'varchar' })
  source: string;

  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
