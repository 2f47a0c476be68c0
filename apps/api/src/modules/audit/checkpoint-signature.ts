import { createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import type { KeyRing } from '../../config/app.config';
import { canonicalJson } from './audit-hash';

/** What a checkpoint states: the chain's head and length at a moment (docs/audit-chain.md). */
export interface CheckpointStatement {
  id: string;
  lastEventId: string;
  lastHash: string;
  eventCount: string;
  createdAt: string;
  keyId: string;
}

/** The file kept in the object store and published: the statement and its Ed25519 signature. */
export interface SignedCheckpoint {
  checkpoint: CheckpointStatement;
  /** base64 */
  signature: string;
}

// DER of a PKCS#8 Ed25519 private key up to its 32-byte seed (RFC 8410).
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** Ed25519 key pairs from the ring's 32-byte seeds, by id. */
export class CheckpointKeys {
  private readonly privateKeys = new Map<string, KeyObject>();
  readonly currentId: string;

  constructor(ring: KeyRing) {
    this.currentId = ring.currentId;
    for (const [id, seed] of ring.keys) {
      this.privateKeys.set(
        id,
        createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' }),
      );
    }
  }

  sign(statement: CheckpointStatement): string {
    return sign(null, Buffer.from(canonicalJson(statement)), this.privateKeys.get(statement.keyId)!).toString('base64');
  }

  /** null when the statement names a key this ring does not have. */
  verify({ checkpoint, signature }: SignedCheckpoint): boolean | null {
    const key = this.privateKeys.get(checkpoint.keyId);
    if (!key) return null;
    return verify(null, Buffer.from(canonicalJson(checkpoint)), createPublicKey(key), Buffer.from(signature, 'base64'));
  }

  /** The public key anyone can check a published checkpoint with, as PEM (SPKI). */
  publicKeyPem(id: string): string | null {
    const key = this.privateKeys.get(id);
    return key ? (createPublicKey(key).export({ type: 'spki', format: 'pem' }) as string) : null;
  }
}
