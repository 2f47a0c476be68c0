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

  @Column({ type: 'varchar', select: false })
  passwordHash: string;

  @Column({ type: 'timestamptz' })
  passwordChangedAt: Date;

  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  @Column({ type: 'int', default: 0 })
  failedLoginCount: number;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  /** Base32 TOTP secret; pending until `mfaEnabled` (set by the first correct code). */
  @Column({ type: 'varchar', nullable: true, select: false })
  mfaSecret: string | null;

  @Column({ type: 'boolean', default: false })
  mfaEnabled: boolean;

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
