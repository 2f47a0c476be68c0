import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * One login of one user. Its refresh tokens are numbered: each refresh hands out the
 * next generation, and the seed (with a key the database does not hold) tells a
 * genuine older token from a made-up one, so a replayed old token revokes the session
 * (docs/accounts.md). Access tokens name their session and are refused once it is revoked.
 */
@Entity('auth_session')
export class AuthSession {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'varchar' })
  refreshSeed: string;

  /** The generation of the one refresh token that rotates the session now. */
  @Column({ type: 'int' })
  refreshGeneration: number;

  /** When the current generation was handed out by a refresh; null before the first. */
  @Column({ type: 'timestamptz', nullable: true })
  rotatedAt: Date | null;

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
