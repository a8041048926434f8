/** This module's entities, for src/entities.ts (processes without Nest) and this module's forFeature. */
export const ENGAGEMENT_ENTITIES: Function[] = [];
