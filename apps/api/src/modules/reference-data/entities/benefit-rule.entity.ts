import type { BenefitFormula, BenefitKind } from '@qonys/domain';
import { Column, Entity } from 'typeorm';
import { ReferenceRecord } from './reference-record';

/** One dated rule of state support in MCI (docs/support-payments.md); the formula says which terms apply. */
@Entity('benefit_rule')
export class BenefitRule extends ReferenceRecord {
  @Column({ type: 'varchar' })
  kind: BenefitKind;

  @Column({ type: 'varchar' })
  formula: BenefitFormula;

  @Column({ type: 'int', nullable: true })
  mciHead: number | null;

  @Column({ type: 'int', nullable: true })
  mciPerMember: number | null;

  @Column({ type: 'int', nullable: true })
  mciMin: number | null;

  @Column({ type: 'int', nullable: true })
  mciMax: number | null;

  @Column({ type: 'int', nullable: true })
  months: number | null;

  @Column({ type: 'int', nullable: true })
  mciFixed: number | null;

  @Column({ type: 'int', nullable: true })
  sharePercent: number | null;

  @Column({ type: 'int', nullable: true })
  capMci: number | null;

  /** bigint: read as a number, which is exact for any tenge amount below 2^53. */
  @Column({
    type: 'bigint',
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  capKzt: number | null;

  @Column({ type: 'boolean', default: false })
  unconfirmed: boolean;

  @Column({ type: 'varchar' })
  nameKk: string;

  @Column({ type: 'varchar' })
  nameRu: string;

  @Column({ type: 'varchar' })
  nameEn: string;
}
