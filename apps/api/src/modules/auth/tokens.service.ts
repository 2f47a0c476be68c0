import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { type EntityManager, IsNull } from 'typeorm';
import type { AccessTokenPayload } from '../../common/auth/jwt.strategy';
import type { RequestContext } from '../../common/auth/actor';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { AuthSession } from './entities/auth-session.entity';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');
const sameHash = (a: string, b: string | null): boolean =>
  b !== null && a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export type RefreshOutcome =
  | { kind: 'rotated'; session: AuthSession; tokens: TokenPair }
  | { kind: 'invalid' }
  | { kind: 'reused'; session: AuthSession };

/**
 * Sessions and their tokens: a 15-minute JWT access token naming its session, and a
 * rotating opaque refresh token `<sessionId>.<secret>` whose hash the session keeps.
 */
@Injectable()
export class TokensService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async openSession(manager: EntityManager, userId: number, ctx: RequestContext, userAgent: string | null): Promise<TokenPair> {
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    await manager.insert(AuthSession, {
      id,
      userId,
      refreshTokenHash: sha256(secret),
      previousRefreshTokenHash: null,
      expiresAt: this.refreshExpiry(),
      ip: ctx.ip,
      userAgent: userAgent?.slice(0, 300) ?? null,
      lastUsedAt: new Date(),
    });
    return { accessToken: this.accessToken(userId, id), refreshToken: `${id}.${secret}` };
  }

  /**
   * Swaps a refresh token for a new pair. Presenting the token *before* the current
   * one means it was copied: the caller revokes the session.
   */
  async rotate(manager: EntityManager, refreshToken: string): Promise<RefreshOutcome> {
    const [id, secret] = refreshToken.split('.');
    if (!id || !secret || !/^[0-9a-f-]{36}$/.test(id)) return { kind: 'invalid' };
    const session = await manager
      .getRepository(AuthSession)
      .createQueryBuilder('s')
      .where('s.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
    if (!session || session.revokedAt || session.expiresAt <= new Date()) return { kind: 'invalid' };
    const presented = sha256(secret);
    if (sameHash(presented, session.previousRefreshTokenHash)) return { kind: 'reused', session };
    if (!sameHash(presented, session.refreshTokenHash)) return { kind: 'invalid' };
    const next = randomBytes(32).toString('base64url');
    await manager.update(AuthSession, id, {
      previousRefreshTokenHash: session.refreshTokenHash,
      refreshTokenHash: sha256(next),
      expiresAt: this.refreshExpiry(),
      lastUsedAt: new Date(),
    });
    return { kind: 'rotated', session, tokens: { accessToken: this.accessToken(session.userId, id), refreshToken: `${id}.${next}` } };
  }

  async revoke(manager: EntityManager, sessionId: string, reason: string): Promise<void> {
    await manager.update(AuthSession, { id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date(), revokedReason: reason });
  }

  sessionIdOf(refreshToken: string): string | null {
    const [id] = refreshToken.split('.');
    return id && /^[0-9a-f-]{36}$/.test(id) ? id : null;
  }

  private accessToken(userId: number, sessionId: string): string {
    const payload: AccessTokenPayload = { sub: userId, sid: sessionId };
    return this.jwt.sign(payload, { expiresIn: this.config.accessTokenTtlSeconds, algorithm: 'HS256' });
  }

  private refreshExpiry(): Date {
    return new Date(Date.now() + this.config.refreshTokenTtlDays * 86_400_000);
  }
}
