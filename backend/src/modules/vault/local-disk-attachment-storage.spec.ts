import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NotFoundError } from '../../common/errors/domain.error';
import { LocalDiskAttachmentStorage } from './local-disk-attachment-storage';

describe('LocalDiskAttachmentStorage', () => {
  let dir: string;
  let storage: LocalDiskAttachmentStorage;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'openbrief-attachments-'));
    storage = new LocalDiskAttachmentStorage({ dataDir: join(dir, 'data') });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates its directory on demand and stores files readable by the owner only', async () => {
    await storage.put('responses/1f0c-2b/attachments/9a8b', Buffer.from('sealed bytes'));
    const file = join(dir, 'data/attachments/responses/1f0c-2b/attachments/9a8b');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'data/attachments/responses')).mode & 0o777).toBe(0o700);
    expect(await storage.get('responses/1f0c-2b/attachments/9a8b')).toEqual(Buffer.from('sealed bytes'));
  });

  it('replaces atomically and leaves no temporary file behind', async () => {
    await storage.put('a/b', Buffer.from('first'));
    await Promise.all([storage.put('a/b', Buffer.alloc(100_000, 1)), storage.put('a/b', Buffer.alloc(100_000, 2))]);
    const read = await storage.get('a/b');
    expect(read.length).toBe(100_000);
    expect(read.every((byte) => byte === read[0])).toBe(true);
    expect(readdirSync(join(dir, 'data/attachments/a'))).toEqual(['b']);
  });

  it('deletes, and deleting nothing is not an error; a missing key is a NotFoundError', async () => {
    await storage.put('x', Buffer.from('1'));
    await storage.delete('x');
    await storage.delete('x');
    expect(existsSync(join(dir, 'data/attachments/x'))).toBe(false);
    await expect(storage.get('x')).rejects.toBeInstanceOf(NotFoundError);
  });

  it.each(['../escape', 'a/../../b', '/etc/passwd', 'a//b', 'a/', 'A', 'a.b', 'a\\b', '', 'a b', 'é', 'x'.repeat(301)])(
    'refuses the key %j before touching the disk',
    async (key) => {
      await expect(storage.put(key, Buffer.from('no'))).rejects.toThrow(/Not an attachment storage key/);
      await expect(storage.get(key)).rejects.toThrow(/Not an attachment storage key/);
      await expect(storage.delete(key)).rejects.toThrow(/Not an attachment storage key/);
      expect(existsSync(join(dir, 'data'))).toBe(false);
    },
  );
});
