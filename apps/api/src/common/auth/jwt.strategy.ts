import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { InjectDataSource } from '@nestjs/typeorm';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import type { Actor } from './actor';

export interface AccessTokenPayload {
  sub: number;
  sid: string;
}

/**
 * Checks the access token's signature, then that its session is still open and its
 * user still enabled: logout, a password change or disabling a user cut access at once.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.jwtSecret,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(payload: AccessTokenPayload): Promise<Actor | false> {
    if (!Number.isInteger(payload.sub) || typeof payload.sid !== 'string') return false;
    const [row] = await this.dataSource.query<
      { id: number; username: string; role: Actor['role']; region_id: number | null; provider_id: number | null }[]
    >(
      `SELECT u.id, u.username, u.role, u.region_id, u.provider_id
         FROM auth_session s JOIN app_user u ON u.id = s.user_id
        WHERE s.id = $1 AND u.id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND NOT u.disabled`,
      [payload.sid, payload.sub],
    );
    if (!row) return false;
    return {
      id: row.id,
      username: row.username,
      role: row.role,
      regionId: row.region_id,
      providerId: row.provider_id,
      sessionId: payload.sid,
    };
  }
}
