import type { Role } from '@qonys/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('app_user')
export class User {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar' })
  username: string;

  @Column({ type: 'varchar' })
  fullName: string;

  @Column({ type: 'varchar', nullable: true })
  email: string | null;

  @Column({ type: 'varchar' })
  role: Role;

  @Column({ type: 'int', nullable: true })
  regionId: number | null;

  /** The service provider a `provider_staff` user works at (its region is theirs). */
  @Column({ type: 'int', nullable: true })
  providerId: number | null;

  @Column({ type: 'varchar', select: false })
  passwordHash: string;

  @Column({ type: 'timestamptz' })
  passwordChangedAt: Date;

  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  /** Shown to admins; the count that locks is kept per username in login_throttle (docs/accounts.md). */
  @Column({ type: 'int', default: 0 })
  failedLoginCount: number;

  /** Until when the account is locked for devices it has not signed in from. */
  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  /** Base32 TOTP secret; pending until `mfaEnabled` (set by the first correct code). */
  @Column({ type: 'varchar', nullable: true, select: false })
  mfaSecret: string | null;

  @Column({ type: 'boolean', default: false })
  mfaEnabled: boolean;

  /** A new authenticator's secret while one that is on is being replaced, until its first code. */
  @Column({ type: 'varchar', nullable: true, select: false })
  mfaPendingSecret: string | null;

  /** The TOTP time step of the last accepted code: a code is good for one login only. */
  @Column({ type: 'bigint', nullable: true, select: false })
  mfaLastStep: string | null;

  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
