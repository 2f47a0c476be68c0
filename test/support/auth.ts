import { createHmac } from 'node:crypto';

export const DEMO_PASSWORD = 'Qonys-demo-2026';
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXP';
/** The demo roles that sign in with a TOTP code; the demo relaxes the two-factor policy for the others. */
export const DEMO_TWO_FACTOR_ROLES: readonly string[] = ['admin', 'auditor'];

function base32Decode(secret: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const char of secret.replace(/=+$/, '').toUpperCase()) {
    const value = alphabet.indexOf(char);
    if (value < 0) throw new Error(`not base32: ${secret}`);
    bits += value.toString(2).padStart(5, '0');
  }
  const bytes = bits.match(/.{8}/g) ?? [];
  return Buffer.from(bytes.map((byte) => parseInt(byte, 2)));
}

/**
 * The TOTP code (RFC 6238: HMAC-SHA1, 30 s steps, 6 digits) for a base32 secret, now
 * or at `epoch` (Unix seconds). Written out here rather than taken from otplib: otplib's
 * ESM-only dependencies do not load under jest, and an independent implementation
 * checks the server against the RFC rather than against its own library.
 */
export function totp(secret: string = DEMO_TOTP_SECRET, epoch: number = Date.now() / 1000): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(epoch / 30)));
  const mac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const code = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(code).padStart(6, '0');
}

/**
 * A 6-digit code that is certainly wrong: none of the codes the server accepts
 * right now (this step and the ones either side, for clock drift).
 */
export function wrongTotp(secret: string = DEMO_TOTP_SECRET): string {
  const now = Math.floor(Date.now() / 1000);
  const accepted = new Set([-60, -30, 0, 30, 60].map((offset) => totp(secret, now + offset)));
  for (let n = 0; ; n++) {
    const code = String((123456 + n * 7919) % 1_000_000).padStart(6, '0');
    if (!accepted.has(code)) return code;
  }
}

const lastStepUsed = new Map<string, number>();

/**
 * A code the server has not seen yet for this account. The server accepts a code
 * once (RFC 6238 §5.2) and tolerates one step of clock drift, so a test that logs the
 * same account in repeatedly takes the next step, waiting when both are used.
 */
export async function unusedTotp(account: string, secret: string = DEMO_TOTP_SECRET): Promise<string> {
  const key = `${account}|${secret}`;
  const now = Math.floor(Date.now() / 1000 / 30);
  const step = Math.max(now, (lastStepUsed.get(key) ?? -1) + 1);
  if (step > now + 1) await new Promise((resolve) => setTimeout(resolve, ((step - 1) * 30 - Date.now() / 1000) * 1000 + 200));
  lastStepUsed.set(key, step);
  return totp(secret, step * 30);
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  user: { id: number; username: string; role: string; regionId: number | null };
}

/** Logs a demo user in through the API (with a TOTP code for admin and auditor). */
export async function login(baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<Session> {
  const needsOtp = username === 'admin' || username === 'auditor';
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password, ...(needsOtp ? { otp: await unusedTotp(`${baseUrl}|${username}`) } : {}) }),
  });
  if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Session;
}

export const DEMO_USERNAMES = [
  'admin',
  'auditor',
  'caseworker.pavlodar',
  'official.pavlodar',
  'caseworker.abai',
  'official.abai',
  'provider.pavlodar',
] as const;
