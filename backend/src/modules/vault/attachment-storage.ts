/**
 * Where attachment bytes live (already sealed by the caller: storage never sees plaintext). A Nest provider token:
 * LocalDiskAttachmentStorage by default; an object store (S3 and the like) for several instances implements
 * these three methods and is bound in VaultModule instead (docs/architecture.md, "The vault").
 *
 * Keys are chosen by the server (ids), never derived from a user's file name: `[a-z0-9-]+(/[a-z0-9-]+)*`, at
 * most 300 characters, so no key can climb out of its directory or name something special.
 */
export abstract class AttachmentStorage {
  /** Stores `data` under `key`, replacing what was there; when it resolves, the object is complete and durable. */
  abstract put(key: string, data: Buffer): Promise<void>;
  /** The bytes under `key`; NotFoundError when there are none. */
  abstract get(key: string): Promise<Buffer>;
  /** Removes `key`; nothing there is not an error. */
  abstract delete(key: string): Promise<void>;
}

export const ATTACHMENT_KEY_PATTERN = /^[a-z0-9-]+(\/[a-z0-9-]+)*$/;
export const ATTACHMENT_KEY_MAX_LENGTH = 300;

/** Throws on a key outside the pattern: a programming error, since keys come from the server, never from a request. */
export function assertAttachmentKey(key: string): void {
  if (typeof key !== 'string' || key.length > ATTACHMENT_KEY_MAX_LENGTH || !ATTACHMENT_KEY_PATTERN.test(key))
    throw new TypeError(`Not an attachment storage key: ${JSON.stringify(String(key).slice(0, 80))}`);
}
