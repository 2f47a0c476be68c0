import { LEGAL_GROUND_KINDS } from '@qonys/domain';
import { Column, Entity } from 'typeorm';
import { ReferenceRecord } from './reference-record';

/** A legal ground for refusing to accept, rejecting or revoking; editable by admins. */
@Entity('legal_ground')
export class LegalGround extends ReferenceRecord {
  @Column({ type: 'varchar' })
  kind: (typeof LEGAL_GROUND_KINDS)[number];

  @Column({ type: 'varchar' })
  code: string;

  @Column({ type: 'varchar' })
  nameKk: string;

  @Column({ type: 'varchar' })
  nameRu: string;

  @Column({ type: 'varchar' })
  nameEn: string;

  /** The legal basis as a reader sees it, in kk/ru/en (`source` stays the record's provenance). */
  @Column({ type: 'varchar' })
  sourceKk: string;

  @Column({ type: 'varchar' })
  sourceRu: string;

  @Column({ type: 'varchar' })
  sourceEn: string;
}
