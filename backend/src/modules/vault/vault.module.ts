import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { VAULT_ENTITIES } from './entities';

/** Owns the keys that seal responses (vault_data_key) and the attachment storage. */
@Module({
  imports: [TypeOrmModule.forFeature(VAULT_ENTITIES)],
})
export class VaultModule {}
