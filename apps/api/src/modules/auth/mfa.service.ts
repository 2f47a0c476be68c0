import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { createGuardrails, generateSecret, generateURI, verifySync } from 'otplib';
import { toDataURL } from 'qrcode';
import type { EntityManager } from 'typeorm';
import { MfaRecoveryCode } from './entities/mfa-recovery-code.entity';

export interface MfaEnrolment {
  secret: string;
  otpauthUrl: string;
  qrCodeDataUrl: string;
}

const ISSUER = 'Qonys';
const RECOVERY_CODE_COUNT = 10;
const RECOVERY_CODE = /^[a-z0-9]{5}-[a-z0-9]{5}$/;

/**
 * otplib refuses secrets under 16 bytes by default; authenticator apps and RFC 4226's
 * examples use 10 (e.g. the demo secret). Secrets generated here are 20 bytes.
 */
const GUARDRAILS = createGuardrails({ MIN_SECRET_BYTES: 10 });

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

/** TOTP (RFC 6238, 30 s steps, ±1 step of clock drift) and single-use recovery codes. */
@Injectable()
export class MfaService {
  newSecret(): string {
    return generateSecret();
  }

  async enrolment(username: string, secret: string): Promise<MfaEnrolment> {
    const otpauthUrl = generateURI({ issuer: ISSUER, label: username, secret });
    return { secret, otpauthUrl, qrCodeDataUrl: await toDataURL(otpauthUrl, { margin: 1, width: 240 }) };
  }

  /**
   * The time step of a correct code, or null. A code of a step at or before
   * `lastStep` was already used (or is older than one that was): refused.
   */
  verifyTotp(secret: string, code: string, lastStep: string | null = null): number | null {
    if (!/^\d{6}$/.test(code)) return null;
    try {
      const result = verifySync({ secret, token: code, epochTolerance: 30, guardrails: GUARDRAILS });
      // otplib's union type also covers HOTP results, which have no time step.
      if (!result.valid || !('timeStep' in result)) return null;
      const step = result.timeStep as number;
      return lastStep !== null && step <= Number(lastStep) ? null : step;
    } catch {
      return null;
    }
  }

  isRecoveryCodeShape(code: string): boolean {
    return RECOVERY_CODE.test(code.trim().toLowerCase());
  }

  /** Replaces the user's recovery codes; returns them in clear, to be shown once. */
  async issueRecoveryCodes(manager: EntityManager, userId: number): Promise<string[]> {
    await manager.delete(MfaRecoveryCode, { userId });
    const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
      const chars = [...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join('');
      return `${chars.slice(0, 5)}-${chars.slice(5)}`;
    });
    await manager.insert(
      MfaRecoveryCode,
      codes.map((code) => ({ userId, codeHash: sha256(code), usedAt: null })),
    );
    return codes;
  }

  /** Marks a matching unused recovery code as used; false if none matches. */
  async useRecoveryCode(manager: EntityManager, userId: number, code: string): Promise<boolean> {
    const result = await manager.query<[unknown[], number]>(
      `UPDATE mfa_recovery_code SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL`,
      [userId, sha256(code.trim().toLowerCase())],
    );
    return result[1] > 0;
  }
}
