import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttachmentStorage } from './attachment-storage';
import { VaultDataKey } from './entities/vault-data-key.entity';
import { LocalDiskAttachmentStorage } from './local-disk-attachment-storage';
import { Vault } from './vault';

/**
 * Owns the keys that seal responses (vault_data_key) and the attachment storage. A leaf: imports no domain module.
 * To keep attachments in an object store instead of the local disk, bind AttachmentStorage to its implementation here.
 * Its entities are also listed in entities/index.ts (VAULT_ENTITIES) for processes without Nest.
 * The pure helpers (attachment-inspection.ts, canonical-hash.ts) are imported by path.
 */
@Module({
  imports: [TypeOrmModule.forFeature([VaultDataKey])],
  providers: [Vault, { provide: AttachmentStorage, useClass: LocalDiskAttachmentStorage }],
  exports: [Vault, AttachmentStorage],
})
export class VaultModule {}
