import type { MasterKeyCipher } from './master-key-cipher';

/** `v1:<master key id>:<base64 of iv ‖ tag ‖ ciphertext>`: a TOTP secret as app_user.mfa_secret stores it. */
const SEALED = /^v1:([A-Za-z0-9_-]{1,32}):([A-Za-z0-9+/]+={0,2})$/;

export function sealTotpSecret(cipher: MasterKeyCipher, secret: string): string {
  const { keyId, sealed } = cipher.seal('totp-secret', Buffer.from(secret, 'utf8'), '');
  return `v1:${keyId}:${sealed.toString('base64')}`;
}

/** The secret of a stored value; one written before secrets were sealed (none after the start-up sweep) passes as is. */
export function openTotpSecret(cipher: MasterKeyCipher, stored: string): string {
  const match = SEALED.exec(stored);
  if (!match) return stored;
  return cipher.open('totp-secret', { keyId: match[1], sealed: Buffer.from(match[2], 'base64') }, '').toString('utf8');
}

/** Whether a stored value is sealed by the ring's current key (else the start-up sweep reseals it). */
export const isSealedByCurrentKey = (cipher: MasterKeyCipher, stored: string): boolean =>
  SEALED.exec(stored)?.[1] === cipher.currentKeyId;
