import { Global, Module } from '@nestjs/common';
import { RawSql } from './raw-sql';
import { Transactions } from './transactions';

/** Infrastructure only: transactions and raw SQL for entity-less tables. It imports nothing from the modules. */
@Global()
@Module({ providers: [Transactions, RawSql], exports: [Transactions, RawSql] })
export class DatabaseModule {}
