import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * One login of one user. Holds the hash of its current refresh token (rotated on
 * every refresh) and of the one before, so a replayed old token revokes the session.
 * Access tokens name their session and are refused once it is revoked.
 */
@Entity('auth_session')
export class AuthSession {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'varchar' })
  refreshTokenHash: string;

  @Column({ type: 'varchar', nullable: true })
  previousRefreshTokenHash: string | null;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'varchar', nullable: true })
  revokedReason: string | null;

  @Column({ type: 'varchar', nullable: true })
  ip: string | null;

  @Column({ type: 'varchar', nullable: true })
  userAgent: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  lastUsedAt: Date;
}
