import { EDUCATION_LEVELS, ID_DOCUMENT_TYPES, SEXES } from '@qonys/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A family member or applicant, with names as written in Cyrillic, in Latin and in their documents. */
@Entity('person')
export class Person {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar' })
  surname: string;

  @Column({ type: 'varchar' })
  givenName: string;

  @Column({ type: 'varchar', nullable: true })
  patronymic: string | null;

  @Column({ type: 'varchar' })
  surnameLatin: string;

  @Column({ type: 'varchar' })
  givenNameLatin: string;

  @Column({ type: 'varchar', nullable: true })
  patronymicLatin: string | null;

  /** Earlier or foreign spellings, e.g. as in the passport. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  otherSpellings: string[];

  @Column({ type: 'date' })
  birthDate: string;

  @Column({ type: 'char', length: 1 })
  sex: (typeof SEXES)[number];

  @Column({ type: 'char', length: 12, nullable: true })
  iin: string | null;

  /** 'kazakh' for ethnic Kazakhs; family members of another ethnicity are allowed and marked. */
  @Column({ type: 'varchar', default: 'kazakh' })
  ethnicity: string;

  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'char', length: 2, nullable: true })
  citizenship: string | null;

  @Column({ type: 'char', length: 2, nullable: true })
  countryOfOrigin: string | null;

  @Column({ type: 'varchar', nullable: true })
  idDocumentType: (typeof ID_DOCUMENT_TYPES)[number] | null;

  @Column({ type: 'varchar', nullable: true })
  idDocumentNumber: string | null;

  @Column({ type: 'varchar', nullable: true })
  idDocumentIssuer: string | null;

  @Column({ type: 'date', nullable: true })
  idDocumentExpiry: string | null;

  @Column({ type: 'varchar', nullable: true })
  educationLevel: (typeof EDUCATION_LEVELS)[number] | null;

  @Column({ type: 'varchar', nullable: true })
  profession: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languages: string[];

  @Column({ type: 'varchar', nullable: true })
  phone: string | null;

  /** Where messages to the family go by e-mail (docs/applicant-messages.md). */
  @Column({ type: 'varchar', nullable: true })
  email: string | null;

  @Column({ type: 'varchar', nullable: true })
  addressAbroad: string | null;

  @Column({ type: 'varchar', nullable: true })
  addressKz: string | null;

  /** The region whose staff registered the person: what region scoping checks. */
  @Column({ type: 'int' })
  regionId: number;

  /** nameSearchKey() of every spelling; not part of the API. */
  @Column({ type: 'text', select: false })
  searchKey: string;

  /** Upper-cased identity document number without spaces or dashes; not part of the API. */
  @Column({ type: 'varchar', nullable: true, select: false })
  documentKey: string | null;

  /** Set when this record was merged into another one (both histories kept). */
  @Column({ type: 'int', nullable: true })
  mergedIntoId: number | null;

  /** When the personal data was erased (docs/personal-data.md, Erasure); the row stays for the statistics. */
  @Column({ type: 'timestamptz', nullable: true })
  erasedAt: Date | null;

  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ type: 'int', nullable: true })
  createdBy: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
