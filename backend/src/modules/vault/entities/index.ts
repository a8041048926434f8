import { VaultDataKey } from './vault-data-key.entity';

/** This module's entities, for src/entities.ts (processes without Nest) and this module's forFeature. */
export const VAULT_ENTITIES = [VaultDataKey];
