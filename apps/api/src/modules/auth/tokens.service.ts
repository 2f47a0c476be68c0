import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
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

export type RefreshOutcome =
  | { kind: 'rotated'; session: AuthSession; tokens: TokenPair }
  | { kind: 'invalid' }
  | { kind: 'reused'; session: AuthSession };

const REFRESH_TOKEN = /^([0-9a-f-]{36})\.(\d{1,9})\.([A-Za-z0-9_-]{43})$/;

/**
 * Sessions and their tokens: a short-lived JWT access token naming its session, and a
 * refresh token `<sessionId>.<generation>.<mac>` that each refresh replaces by the next
 * generation. The mac is an HMAC of session, generation and the session's seed under a
 * key derived from JWT_SECRET: any generation can be recomputed, none can be forged.
 */
@Injectable()
export class TokensService {
  private readonly refreshKey: Buffer;

  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.refreshKey = createHmac('sha256', config.jwtSecret).update('qonys refresh tokens').digest();
  }

  async openSession(manager: EntityManager, userId: number, ctx: RequestContext, userAgent: string | null): Promise<TokenPair> {
    const session = {
      id: randomUUID(),
      userId,
      refreshSeed: randomBytes(32).toString('base64url'),
      refreshGeneration: 0,
      rotatedAt: null,
      expiresAt: this.refreshExpiry(),
      ip: ctx.ip,
      userAgent: userAgent?.slice(0, 300) ?? null,
      lastUsedAt: new Date(),
    };
    await manager.insert(AuthSession, session);
    return this.pair(session);
  }

  /**
   * Swaps the current refresh token for the next generation. The one just replaced,
   * within the grace window, gets the same new refresh token (another tab refreshed
   * first); any other genuine older token was copied: the caller revokes the session.
   */
  async rotate(manager: EntityManager, refreshToken: string): Promise<RefreshOutcome> {
    const match = REFRESH_TOKEN.exec(refreshToken);
    if (!match) return { kind: 'invalid' };
    const [, id, generationText, mac] = match;
    const generation = Number(generationText);
    const session = await manager
      .getRepository(AuthSession)
      .createQueryBuilder('s')
      .where('s.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
    if (!session || session.revokedAt || session.expiresAt <= new Date()) return { kind: 'invalid' };
    if (generation > session.refreshGeneration || !this.genuine(session, generation, mac)) return { kind: 'invalid' };

    if (generation === session.refreshGeneration) {
      const next = { ...session, refreshGeneration: generation + 1, rotatedAt: new Date(), expiresAt: this.refreshExpiry() };
      await manager.update(AuthSession, id, {
        refreshGeneration: next.refreshGeneration,
        rotatedAt: next.rotatedAt,
        expiresAt: next.expiresAt,
        lastUsedAt: next.rotatedAt,
      });
      return { kind: 'rotated', session: next, tokens: this.pair(next) };
    }
    const justReplaced = generation === session.refreshGeneration - 1;
    const withinGrace =
      session.rotatedAt !== null && Date.now() - session.rotatedAt.getTime() <= this.config.refreshGraceSeconds * 1000;
    if (justReplaced && withinGrace) return { kind: 'rotated', session, tokens: this.pair(session) };
    return { kind: 'reused', session };
  }

  async revoke(manager: EntityManager, sessionId: string, reason: string): Promise<void> {
    await manager.update(AuthSession, { id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date(), revokedReason: reason });
  }

  sessionIdOf(refreshToken: string): string | null {
    return REFRESH_TOKEN.exec(refreshToken)?.[1] ?? null;
  }

  private pair(session: Pick<AuthSession, 'id' | 'userId' | 'refreshSeed' | 'refreshGeneration'>): TokenPair {
    const generation = session.refreshGeneration;
    return {
      accessToken: this.accessToken(session.userId, session.id),
      refreshToken: `${session.id}.${generation}.${this.mac(session, generation)}`,
    };
  }

  private genuine(session: Pick<AuthSession, 'id' | 'refreshSeed'>, generation: number, mac: string): boolean {
    const expected = Buffer.from(this.mac(session, generation));
    const given = Buffer.from(mac);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private mac(session: Pick<AuthSession, 'id' | 'refreshSeed'>, generation: number): string {
    return createHmac('sha256', this.refreshKey).update(`${session.id}.${generation}.${session.refreshSeed}`).digest('base64url');
  }

  private accessToken(userId: number, sessionId: string): string {
    const payload: AccessTokenPayload = { sub: userId, sid: sessionId };
    return this.jwt.sign(payload, { expiresIn: this.config.accessTokenTtlSeconds, algorithm: 'HS256' });
  }

  private refreshExpiry(): Date {
    return new Date(Date.now() + this.config.refreshTokenTtlDays * 86_400_000);
  }
}
