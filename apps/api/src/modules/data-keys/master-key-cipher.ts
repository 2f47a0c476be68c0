import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { KeyRing } from '../../config/app.config';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** AES-256-GCM: `iv ‖ tag ‖ ciphertext`, authenticated with `aad` (what the value belongs to). */
export function seal(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ct]);
}

/** The plaintext of `seal`; throws when the key, the aad or a byte is wrong. */
export function open(key: Buffer, sealed: Buffer, aad: string): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
}

/** What a master key protects; each gets its own derived key, so one use can never open another's values. */
export type MasterKeyUse = 'person-data-key' | 'totp-secret';

/** A value sealed by a master key, with the id of that key (docs/personal-data.md, Encryption). */
export interface MasterSealed {
  keyId: string;
  sealed: Buffer;
}

/**
 * Seals small secrets (each person's data key, TOTP secrets) with the current master key
 * of DATA_MASTER_KEYS and opens them with whichever key sealed them, so the ring rotates.
 */
export class MasterKeyCipher {
  private readonly derived = new Map<string, Buffer>();

  constructor(private readonly ring: KeyRing) {}

  get currentKeyId(): string {
    return this.ring.currentId;
  }

  seal(use: MasterKeyUse, plaintext: Buffer, aad: string): MasterSealed {
    const keyId = this.ring.currentId;
    return { keyId, sealed: seal(this.key(use, keyId), plaintext, `${use}:${aad}`) };
  }

  open(use: MasterKeyUse, { keyId, sealed }: MasterSealed, aad: string): Buffer {
    return open(this.key(use, keyId), sealed, `${use}:${aad}`);
  }

  private key(use: MasterKeyUse, keyId: string): Buffer {
    const cacheKey = `${use}/${keyId}`;
    let key = this.derived.get(cacheKey);
    if (!key) {
      const master = this.ring.keys.get(keyId);
      if (!master)
        throw new Error(`DATA_MASTER_KEYS has no key "${keyId}"; it sealed a stored secret (docs/personal-data.md)`);
      key = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `qonys ${use}`, 32));
      this.derived.set(cacheKey, key);
    }
    return key;
  }
}
