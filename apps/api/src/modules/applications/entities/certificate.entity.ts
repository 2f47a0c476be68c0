import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The kandas certificate issued on approval; verifiable publicly by its number. */
@Entity('certificate')
export class Certificate {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar' })
  number: string;

  @Column({ type: 'int' })
  applicationId: number;

  /** Only the holder's initials are ever shown publicly. */
  @Column({ type: 'varchar' })
  holderInitials: string;

  @Column({ type: 'date' })
  issuedOn: string;

  @Column({ type: 'date' })
  validFrom: string;

  @Column({ type: 'date' })
  validTo: string;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
