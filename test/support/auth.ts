import { createGuardrails, generateSync } from 'otplib';

export const DEMO_PASSWORD = 'Qonys-demo-2026';
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXP';
const GUARDRAILS = createGuardrails({ MIN_SECRET_BYTES: 10 });

/** The current TOTP code for a base32 secret. */
export const totp = (secret: string = DEMO_TOTP_SECRET): string => generateSync({ secret, guardrails: GUARDRAILS });

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
    body: JSON.stringify({ username, password, ...(needsOtp ? { otp: totp() } : {}) }),
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
] as const;
