import type { DeadlineUnit } from '@qonys/domain';
import { Column, Entity } from 'typeorm';
import { ReferenceRecord } from './reference-record';

/** A statutory deadline (e.g. completeness check: 1 working day), dated and editable. */
@Entity('deadline_setting')
export class DeadlineSetting extends ReferenceRecord {
  @Column({ type: 'varchar' })
  key: string;

  @Column({ type: 'varchar' })
  nameKk: string;

  @Column({ type: 'varchar' })
  nameRu: string;

  @Column({ type: 'varchar' })
  nameEn: string;

  @Column({ type: 'int' })
  amount: number;

  @Column({ type: 'varchar' })
  unit: DeadlineUnit;
}
