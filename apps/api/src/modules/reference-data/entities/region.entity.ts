import { Column, Entity } from 'typeorm';
import { ReferenceRecord } from './reference-record';

/** One of the 20 administrative units (17 regions and 3 cities of national significance). */
@Entity('region')
export class Region extends ReferenceRecord {
  /** ISO 3166-2:KZ number, equal to the 2-digit KATO prefix. */
  @Column({ type: 'varchar' })
  code: string;

  @Column({ type: 'varchar' })
  nameKk: string;

  @Column({ type: 'varchar' })
  nameRu: string;

  @Column({ type: 'varchar' })
  nameEn: string;

  /** The regional centre in kk/ru/en; null for the three cities of national significance. */
  @Column({ type: 'varchar', nullable: true })
  centreKk: string | null;

  @Column({ type: 'varchar', nullable: true })
  centreRu: string | null;

  @Column({ type: 'varchar', nullable: true })
  centreEn: string | null;

  /** Years in which the region receives kandas for settlement. */
  @Column({ type: 'int', array: true, default: () => "'{}'" })
  settlementYears: number[];
}
