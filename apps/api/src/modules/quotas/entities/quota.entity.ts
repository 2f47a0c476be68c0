import { type QuotaCategory, type QuotaUnit } from '@qonys/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A regional quota: year × region × category. `reserved` and `settled` are live
 * counters kept by the ledger's writers; the database refuses reserved + settled > capacity.
 */
@Entity('quota')
export class Quota {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'int' })
  regionId: number;

  @Column({ type: 'varchar' })
  category: QuotaCategory;

  /** Persons now; families in earlier years (domain-facts §3). */
  @Column({ type: 'varchar' })
  unit: QuotaUnit;

  @Column({ type: 'int' })
  capacity: number;

  @Column({ type: 'int', default: 0 })
  reserved: number;

  @Column({ type: 'int', default: 0 })
  settled: number;

  @Column({ type: 'varchar' })
  legalAct: string;

  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
