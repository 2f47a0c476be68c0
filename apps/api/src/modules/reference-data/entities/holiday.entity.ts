import type { HolidayKind } from '@qonys/domain';
import { Column, Entity } from 'typeorm';
import { ReferenceRecord } from './reference-record';

/**
 * A public holiday rule: a fixed day every year (`fixed`), one dated day off
 * (`dated`: Kurban Ait day 1, a day moved by decree) or a weekend day made a
 * working day by decree (`working_day`).
 */
@Entity('holiday')
export class Holiday extends ReferenceRecord {
  @Column({ type: 'varchar' })
  kind: HolidayKind;

  @Column({ type: 'int', nullable: true })
  month: number | null;

  @Column({ type: 'int', nullable: true })
  day: number | null;

  @Column({ type: 'date', nullable: true })
  date: string | null;

  @Column({ type: 'varchar' })
  nameKk: string;

  @Column({ type: 'varchar' })
  nameRu: string;

  @Column({ type: 'varchar' })
  nameEn: string;

  /** A holiday on a weekend gives the next working day off, except 7 January and Kurban Ait. */
  @Column({ type: 'boolean', default: true })
  movesIfWeekend: boolean;
}
