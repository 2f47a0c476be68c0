import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';

const LIFETIME_DAYS = 180;

/**
 * Device tokens (OWASP "device cookies"): handed out after a successful login and
 * shown again at the next one, they let the owner in while their account is locked
 * for everyone else. `<userId>.<expiry>.<deviceId>.<mac>`, signed, nothing stored.
 */
@Injectable()
export class DeviceTokensService {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = createHmac('sha256', config.jwtSecret).update('qonys device tokens').digest();
  }

  issue(userId: number): string {
    const expiry = Math.floor(Date.now() / 1000) + LIFETIME_DAYS * 86_400;
    const body = `${userId}.${expiry}.${randomBytes(16).toString('base64url')}`;
    return `${body}.${this.mac(body)}`;
  }

  /** The device id of a genuine, unexpired token of this user; null for anything else. */
  deviceOf(token: string | undefined, userId: number): string | null {
    const parts = token?.split('.') ?? [];
    if (parts.length !== 4) return null;
    const [owner, expiry, deviceId, mac] = parts;
    const expected = Buffer.from(this.mac(`${owner}.${expiry}.${deviceId}`));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    if (owner !== String(userId) || Number(expiry) * 1000 <= Date.now()) return null;
    return deviceId;
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}
