import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const RELATIONS = ['applicant', 'spouse', 'child', 'parent', 'sibling', 'other'] as const;
export type Relation = (typeof RELATIONS)[number];

/** A person's place in a case. `active` turns false when the case ends (one active case per person). */
@Entity('application_member')
export class ApplicationMember {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  applicationId: number;

  @Column({ type: 'int' })
  personId: number;

  @Column({ type: 'varchar' })
  relation: Relation;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
