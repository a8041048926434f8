import { Module } from '@nestjs/common';

/**
 * Open data (issue 15): OCDS 1.1 releases, records and release packages with the UK profile, mapped by
 * `libs/ocds` from published records and award decisions.
 */
@Module({})
export class OpenDataModule {}
