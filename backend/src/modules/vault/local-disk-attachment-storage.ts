import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { NotFoundError } from '../../common/errors/domain.error';
import { SETTINGS, type Settings } from '../../config/settings';
import { AttachmentStorage, assertAttachmentKey } from './attachment-storage';

export const ATTACHMENTS_DIR = 'attachments';

/**
 * Attachments as files under `<data directory>/attachments/<key>` (one instance, or several sharing a disk).
 * Writes go to a temporary file beside the target, flushed, then renamed: a reader or a crash sees the old object
 * or the new one, never half of one. Files 0600 and directories 0700: only the server's user reads them.
 */
@Injectable()
export class LocalDiskAttachmentStorage extends AttachmentStorage {
  private readonly root: string;

  constructor(@Inject(SETTINGS) settings: Pick<Settings, 'dataDir'>) {
    super();
    this.root = join(settings.dataDir, ATTACHMENTS_DIR);
  }

  async put(key: string, data: Buffer): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(dirname(target), { recursive: true, mode: 0o700 });
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    const file = await open(temp, 'wx', 0o600);
    try {
      await file.writeFile(data);
      await file.sync();
    } catch (error) {
      await file.close();
      await rm(temp, { force: true });
      throw error;
    }
    await file.close();
    try {
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Buffer> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new NotFoundError('The attachment');
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /** Keys are checked before any path is built, so `join` only ever sees [a-z0-9-] segments. */
  private pathOf(key: string): string {
    assertAttachmentKey(key);
    return join(this.root, ...key.split('/'));
  }
}
