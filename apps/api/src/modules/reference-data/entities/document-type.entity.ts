import { DOCUMENT_CONDITIONS, DOCUMENT_SCOPES } from '@qonys/domain';
import { Column, Entity } from 'typeorm';
import { ReferenceRecord } from './reference-record';

/** An item of the per-case document checklist; the list is editable by admins. */
@Entity('document_type')
export class DocumentType extends ReferenceRecord {
  @Column({ type: 'varchar' })
  key: string;

  @Column({ type: 'varchar' })
  nameKk: string;

  @Column({ type: 'varchar' })
  nameRu: string;

  @Column({ type: 'varchar' })
  nameEn: string;

  /** One for the case, or one for each family member. */
  @Column({ type: 'varchar' })
  scope: (typeof DOCUMENT_SCOPES)[number];

  @Column({ type: 'boolean', default: true })
  required: boolean;

  /** When the item applies: always, only without a commission recommendation, only via a mission abroad. */
  @Column({ type: 'varchar', default: 'always' })
  condition: (typeof DOCUMENT_CONDITIONS)[number];

  @Column({ type: 'int', default: 0 })
  sortOrder: number;
}
