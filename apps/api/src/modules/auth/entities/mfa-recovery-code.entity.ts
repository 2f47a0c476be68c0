import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A single-use recovery code for two-factor login, stored as a SHA-256 hash. */
@Entity('mfa_recovery_code')
export class MfaRecoveryCode {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'varchar' })
  codeHash: string;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
