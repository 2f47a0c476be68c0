import type { RetentionRecordKind } from '@qonys/domain';
import { Column, Entity } from 'typeorm';
import { ReferenceRecord } from './reference-record';

/** How many years after a case closes a kind of record is kept (docs/personal-data.md, Retention). */
@Entity('retention_rule')
export class RetentionRule extends ReferenceRecord {
  @Column({ type: 'varchar' })
  recordKind: RetentionRecordKind;

  @Column({ type: 'int' })
  keepYears: number;

  @Column({ type: 'varchar' })
  nameKk: string;

  @Column({ type: 'varchar' })
  nameRu: string;

  @Column({ type: 'varchar' })
  nameEn: string;
}
