import { type Relation } from '@qonys/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

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
