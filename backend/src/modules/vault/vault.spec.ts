import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadSettings } from '../../config/settings';
import { VAULT_ENTITIES } from './entities';
import { VaultDataKey } from './entities/vault-data-key.entity';
import { SEALED_FORMAT_V1 } from './sealed-box';
import { Vault } from './vault';
import { SealBrokenError } from './vault.errors';

describe('Vault', () => {
  let dir: string;
  let dataSource: DataSource;
  let vault: Vault;
  const aad = 'response:r1:content';
  const plaintext = Buffer.from('Our price is £12,345 and our approach is…', 'utf8');

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'openbrief-vault-'));
    dataSource = await new DataSource({ type: 'sqlite', database: ':memory:', entities: VAULT_ENTITIES, synchronize: true }).initialize();
    vault = new Vault(loadSettings({ DATABASE_PATH: join(dir, 'db.sqlite') }), dataSource.getRepository(VaultDataKey));
  });
  afterEach(async () => {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const freshVault = () => new Vault(loadSettings({ DATABASE_PATH: join(dir, 'db.sqlite') }), dataSource.getRepository(VaultDataKey));

  it('seals and unseals (a new instance, nothing cached, reads the wrapped key back)', async () => {
    const id = await vault.createDataKey(dataSource.manager);
    const sealed = await vault.seal(id, plaintext, aad);
    expect(sealed[0]).toBe(SEALED_FORMAT_V1);
    expect(sealed.length).toBe(1 + 12 + 16 + plaintext.length);
    expect(sealed.includes(plaintext)).toBe(false);
    expect(await vault.unseal(id, sealed, aad)).toEqual(plaintext);
    expect(await freshVault().unseal(id, sealed, aad)).toEqual(plaintext);
  });

  it('uses a fresh IV for every seal, so the same content never seals to the same bytes', async () => {
    const id = await vault.createDataKey(dataSource.manager);
    const a = await vault.seal(id, plaintext, aad);
    const b = await vault.seal(id, plaintext, aad);
    expect(a.subarray(1, 13)).not.toEqual(b.subarray(1, 13));
    expect(a).not.toEqual(b);
  });

  it('seals an empty plaintext too', async () => {
    const id = await vault.createDataKey(dataSource.manager);
    expect(await vault.unseal(id, await vault.seal(id, Buffer.alloc(0), aad), aad)).toEqual(Buffer.alloc(0));
  });

  it.each([
    ['a flipped ciphertext bit', (s: Buffer) => s[s.length - 1]!++],
    ['a flipped tag bit', (s: Buffer) => (s[20] ^= 1)],
    ['a flipped IV bit', (s: Buffer) => (s[3] ^= 1)],
    ['an unknown format version', (s: Buffer) => (s[0] = 2)],
  ])('refuses %s with a SealBrokenError (422), never the plaintext', async (_what, tamper) => {
    const id = await vault.createDataKey(dataSource.manager);
    const sealed = Buffer.from(await vault.seal(id, plaintext, aad));
    tamper(sealed);
    await expect(vault.unseal(id, sealed, aad)).rejects.toBeInstanceOf(SealBrokenError);
    await expect(vault.unseal(id, sealed, aad)).rejects.toMatchObject({ kind: 'unprocessable' });
  });

  it('refuses a truncated box', async () => {
    const id = await vault.createDataKey(dataSource.manager);
    const sealed = await vault.seal(id, plaintext, aad);
    await expect(vault.unseal(id, sealed.subarray(0, 20), aad)).rejects.toBeInstanceOf(SealBrokenError);
    await expect(vault.unseal(id, sealed.subarray(0, sealed.length - 1), aad)).rejects.toBeInstanceOf(SealBrokenError);
  });

  it('refuses the right bytes under the wrong aad (moved to another response or field)', async () => {
    const id = await vault.createDataKey(dataSource.manager);
    const sealed = await vault.seal(id, plaintext, aad);
    await expect(vault.unseal(id, sealed, 'response:r2:content')).rejects.toBeInstanceOf(SealBrokenError);
    await expect(vault.unseal(id, sealed, 'response:r1:price')).rejects.toBeInstanceOf(SealBrokenError);
  });

  it('refuses content sealed under another record’s data key, and an unknown key id', async () => {
    const a = await vault.createDataKey(dataSource.manager);
    const b = await vault.createDataKey(dataSource.manager);
    const sealed = await vault.seal(a, plaintext, aad);
    await expect(vault.unseal(b, sealed, aad)).rejects.toBeInstanceOf(SealBrokenError);
    await expect(vault.unseal('00000000-0000-4000-8000-000000000000', sealed, aad)).rejects.toBeInstanceOf(SealBrokenError);
    await expect(vault.seal('no-such-key', plaintext, aad)).rejects.toBeInstanceOf(SealBrokenError);
  });

  it('stores the data key only wrapped, under the current master key’s id, bound to its own row', async () => {
    const a = await vault.createDataKey(dataSource.manager);
    const b = await vault.createDataKey(dataSource.manager);
    const repo = dataSource.getRepository(VaultDataKey);
    const rowA = await repo.findOneByOrFail({ id: a });
    expect(rowA.masterKeyId).toBe(vault.masterKeyId);
    expect(Buffer.from(rowA.wrappedKey, 'base64').length).toBe(1 + 12 + 16 + 32);
    const sealed = await vault.seal(b, plaintext, aad);
    // Copy a's wrapped key onto b's row: it must not open there (the wrap is bound to the row id).
    await repo.update({ id: b }, { wrappedKey: rowA.wrappedKey });
    await expect(freshVault().unseal(b, sealed, aad)).rejects.toBeInstanceOf(SealBrokenError);
  });

  it('refuses a key wrapped by a master key it does not have', async () => {
    const id = await vault.createDataKey(dataSource.manager);
    const sealed = await vault.seal(id, plaintext, aad);
    const other = new Vault(
      loadSettings({ DATABASE_PATH: join(dir, 'db.sqlite'), BID_MASTER_KEY: Buffer.alloc(32, 7).toString('base64') }),
      dataSource.getRepository(VaultDataKey),
    );
    // The key file in dir is still known to it (moving to BID_MASTER_KEY keeps old rows readable) …
    expect(await other.unseal(id, sealed, aad)).toEqual(plaintext);
    // … but not once that file is gone.
    rmSync(join(dir, 'bid-master-key'));
    const stranger = new Vault(
      loadSettings({ DATABASE_PATH: join(dir, 'db.sqlite'), BID_MASTER_KEY: Buffer.alloc(32, 7).toString('base64') }),
      dataSource.getRepository(VaultDataKey),
    );
    await expect(stranger.unseal(id, sealed, aad)).rejects.toBeInstanceOf(SealBrokenError);
  });

  it('creates the data key in the caller’s transaction: rolled back, it is gone', async () => {
    const before = await dataSource.getRepository(VaultDataKey).count();
    await expect(
      dataSource.transaction(async (tx) => {
        await vault.createDataKey(tx);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await dataSource.getRepository(VaultDataKey).count()).toBe(before);
  });
});
