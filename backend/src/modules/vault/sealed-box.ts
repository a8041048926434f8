import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM with a self-describing layout, so a later format can sit beside this one:
 *   [1 byte format version = 1][12 bytes IV][16 bytes tag][ciphertext]
 * The IV is random for every seal (96 bits: with a fresh data key per record, far below the 2^32 seals per key
 * where random IVs start to risk a repeat). `aad` is authenticated, not stored: the same bytes under another
 * label (another response, another field) do not open.
 */
export const SEALED_FORMAT_V1 = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;
export const KEY_BYTES = 32;

/** Binds a wrapped data key to its row, so a wrapped key copied onto another row does not open. */
export const dataKeyAad = (dataKeyId: string) => `vault-data-key:${dataKeyId}`;

export function sealBox(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.from([SEALED_FORMAT_V1]), iv, cipher.getAuthTag(), body]);
}

/** The plaintext, or null when the box is malformed, altered, sealed under another key or another `aad`. */
export function openBox(key: Buffer, sealed: Buffer, aad: string): Buffer | null {
  if (sealed.length < HEADER_BYTES || sealed[0] !== SEALED_FORMAT_V1) return null;
  const iv = sealed.subarray(1, 1 + IV_BYTES);
  const tag = sealed.subarray(1 + IV_BYTES, HEADER_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(sealed.subarray(HEADER_BYTES)), decipher.final()]);
  } catch {
    return null;
  }
}
